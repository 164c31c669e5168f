"""natasha's Russian news NER (embeddings and tagger ship in the wheel) as a presidio
recognizer for Russian and Kazakh paragraphs. An organisation whose name starts with a
building's kind ("Дворце молодёжи") is also a FACILITY (facilities.org_is_facility)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult

from redactor.core.detect.facilities import org_is_facility
from redactor.core.detect.recognizers import result

_MAP = {"PER": ("PERSON", 0.85), "LOC": ("LOCATION", 0.8), "ORG": ("ORGANIZATION", 0.6)}


@lru_cache(maxsize=1)
def _models() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    emb = NewsEmbedding()
    return Segmenter(), NewsNERTagger(emb)


class NatashaRecognizer(EntityRecognizer):
    def __init__(self, language: str) -> None:
        super().__init__(
            supported_entities=["PERSON", "LOCATION", "ORGANIZATION", "FACILITY"],
            name=f"natasha_{language}",
            supported_language=language,
        )

    def load(self) -> None:
        _models()

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        from natasha import Doc

        segmenter, tagger = _models()
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        out = []
        for sp in doc.spans:
            label, score = _MAP.get(sp.type, ("OTHER", 0.3))
            if entities and label not in entities:
                continue
            out.append(result(label, sp.start, sp.stop, score, f"natasha {sp.type}"))
            if label == "ORGANIZATION" and org_is_facility(sp.text):
                # "во Дворце молодёжи", "Космического центра Джонсона": a building, a place
                out.append(result("FACILITY", sp.start, sp.stop, 0.6, "natasha ORG facility"))
        return out
