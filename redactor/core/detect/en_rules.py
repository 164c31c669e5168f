"""English rules that use spaCy's tokens (part-of-speech tags): a proper noun after a
preposition of place ("in Ekibastuz", "from Taraz", "near Zarechny") is a place."""

from __future__ import annotations

from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.recognizers import result

_PLACE_PREPS = frozenset({"in", "from", "to", "near", "outside", "at", "into", "towards", "via"})


class ProperNounPlaceRecognizer(EntityRecognizer):
    def __init__(self) -> None:
        super().__init__(
            supported_entities=["LOCATION"], name="propn_place", supported_language="en"
        )

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        if nlp_artifacts is None or nlp_artifacts.tokens is None:
            return []
        doc = nlp_artifacts.tokens
        out = []
        in_ent = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        i = 0
        n = len(doc)
        while i < n:
            tok = doc[i]
            if (
                tok.lower_ in _PLACE_PREPS
                and i + 1 < n
                and doc[i + 1].pos_ == "PROPN"
                and doc[i + 1].text[:1].isupper()
                and (i + 1) not in in_ent
            ):
                j = i + 1
                while j < n and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and j - i <= 3:
                    j += 1
                start, end = doc[i + 1].idx, doc[j - 1].idx + len(doc[j - 1].text)
                out.append(result("LOCATION", start, end, 0.5, "proper noun after place word"))
                i = j
                continue
            i += 1
        return out
