"""XML from letters (Word and OpenDocument parts), parsed with the standard library's expat and
refused when it is hostile: no document type declaration (so no entity of any kind: billion
laughs, external entities), a bounded depth and a bounded number of elements."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any
from xml.parsers import expat

from ..errors import InputError

MAX_DEPTH = 200
MAX_ELEMENTS = 2_000_000


class _Refused(Exception):
    pass


def parse_xml(data: bytes, what: str) -> ET.Element:
    """The root element of `data`; InputError (saying `what` and why) when it is malformed,
    declares a DTD or entities, nests deeper than MAX_DEPTH or holds too many elements.
    Element tags are '{namespace}local' as ElementTree writes them."""
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    depth = 0
    count = 0

    def tag(name: str) -> str:
        return "{" + name if "}" in name else name

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth, count
        depth += 1
        count += 1
        if depth > MAX_DEPTH:
            raise _Refused(f"its XML is nested deeper than {MAX_DEPTH} levels")
        if count > MAX_ELEMENTS:
            raise _Refused("its XML has too many elements")
        builder.start(tag(name), {tag(k): v for k, v in attrs.items()})

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(tag(name))

    def refuse(*_args: Any) -> None:
        raise _Refused("its XML declares a document type or entities (refused)")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
        root = builder.close()
    except _Refused as exc:
        raise InputError(f"{what}: {exc}") from None
    except (expat.ExpatError, AssertionError, ValueError) as exc:
        raise InputError(f"{what}: damaged XML ({exc})") from None
    except RecursionError:
        raise InputError(f"{what}: its XML is nested too deeply") from None
    return root
