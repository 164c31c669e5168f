"""The subcommands over the core pipeline. Progress goes to stderr, results to stdout."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..core import jobs
from ..core import plan as plan_ops
from ..core.errors import ExitCode, InputError, RedactorError, UsageError
from ..core.model import ReviewState
from ..core.plan import RedactionPlan
from ..core.sources import SUPPORTED_SUFFIXES

FORMAT_BY_SUFFIX = {".pdf": "pdf", ".png": "png", ".txt": "txt"}


def read_terms(path: str | None) -> list[str]:
    if not path:
        return []
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the term list ({exc.strerror})") from None
    # Windows Notepad's "Unicode" is UTF-16 with a byte-order mark; read as cp1251 it would give
    # terms that match nothing, and the copy would go out with every name in it.
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    for enc in ("utf-16",) if utf16 else ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{path}: the term list is neither UTF-8, UTF-16 nor cp1251")
    if any(ord(ch) < 32 and ch not in "\t\r\n\f\v" for ch in text):
        raise InputError(
            f"{path}: the term list holds control characters (is it UTF-16 without a byte-order "
            "mark?); save it as UTF-8"
        )
    terms = [" ".join(line.split()) for line in text.splitlines()]
    return [t for t in terms if t and not t.startswith("#")]


def expand_inputs(inputs: list[str]) -> list[str]:
    files: list[str] = []
    for item in inputs:
        if os.path.isdir(item):
            found = sorted(
                str(p)
                for p in Path(item).rglob("*")
                if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            if not found:
                raise InputError(f"{item}: the folder holds no PDF, image or text files")
            files += found
        else:
            files.append(item)
    return files


class StderrProgress:
    """One letter's progress and notes on stderr (the terminal may name the letter: the user
    gave it; nothing the app keeps does)."""

    def __init__(self, name: str, quiet: bool) -> None:
        self.name = name
        self.quiet = quiet
        self.tty = sys.stderr.isatty()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.quiet:
            return
        if self.tty:
            end = "\n" if done == total else ""
            print(f"\r{self.name}: {stage} {done}/{total}", end=end, file=sys.stderr, flush=True)
        elif done == total and total:
            print(f"{self.name}: {stage} {done}/{total}", file=sys.stderr, flush=True)

    def note(self, message: str) -> None:
        if not self.quiet:
            self.line(f"{self.name}: {message}")

    def line(self, text: str) -> None:
        """A line on stderr, even with -q (warnings, errors)."""
        print(text, file=sys.stderr, flush=True)

    def out(self, text: str) -> None:
        """A result on stdout (a copy's path)."""
        print(text, flush=True)


def analysis_options(
    args: argparse.Namespace, deny: list[str], allow: list[str], accept: bool
) -> jobs.AnalysisOptions:
    """The core's analysis options from the command line's arguments (the app's come from its
    settings: the same dataclass)."""
    return jobs.AnalysisOptions(
        profile=args.profile,
        lang=args.lang,
        deny=tuple(deny),
        allow=tuple(allow),
        dpi=args.dpi,
        password=args.password,
        whole_photo=getattr(args, "whole_photo", False),
        detect=not getattr(args, "no_detect", False),
        spacy_model=args.spacy_model,
        accept=accept,
    )


def _output_paths(files: list[str], output: str, fmt_opt: str | None) -> list[tuple[str, str]]:
    """(output path, format) per input. Never an input's own path."""
    out = Path(output)
    many = len(files) > 1 or out.is_dir() or output.endswith(os.sep)
    if many:
        fmt = fmt_opt or "pdf"
        out.mkdir(parents=True, exist_ok=True)
        pairs = []
        seen: set[str] = set()
        for f in files:
            stem = Path(f).stem
            name = f"{stem}.{fmt}"
            n = 2
            while name in seen:
                name = f"{stem}-{n}.{fmt}"
                n += 1
            seen.add(name)
            pairs.append((str(out / name), fmt))
    else:
        fmt = fmt_opt or FORMAT_BY_SUFFIX.get(out.suffix.lower(), "")
        if not fmt:
            raise UsageError(
                f"cannot tell the format from {output!r}: give .pdf, .png or .txt, or --format"
            )
        if not out.parent.exists():
            raise UsageError(f"the folder of {output!r} does not exist")
        pairs = [(output, fmt)]
    inputs = {os.path.realpath(f) for f in files}
    for path, _ in pairs:
        if os.path.realpath(path) in inputs:
            raise UsageError(f"{path}: the output would overwrite an input; choose another name")
    return pairs


@dataclass(frozen=True)
class RedactRun:
    """A `redact` command's inputs, their copies and options, checked; `folder` when the
    copies go to a folder (cli/folder.py runs them, overlapped and resumable)."""

    files: list[str]
    pairs: list[tuple[str, str]]
    options: jobs.AnalysisOptions
    finder: jobs.Finder | None
    folder: bool


def redact_run(args: argparse.Namespace) -> RedactRun:
    files = expand_inputs(args.inputs)
    deny = read_terms(args.deny)
    allow = read_terms(args.allow)
    if args.no_detect and not deny and not args.plan:
        raise UsageError("--no-detect needs --deny FILE or --plan FILE (nothing would be hidden)")
    if not 50 <= args.dpi <= 600:
        raise UsageError("--dpi must be between 50 and 600")
    if args.plan and len(files) != 1:
        raise UsageError("--plan applies to one input at a time")
    pairs = _output_paths(files, args.output, args.format)
    folder_mode = len(pairs) > 1 or Path(args.output).is_dir()
    if args.restart and not folder_mode:
        raise UsageError("--restart applies to a folder of copies (OUTPUT a folder)")
    _warn_protection()
    _warn_mixed_terms(deny)
    options = analysis_options(args, deny, allow, accept=True)
    finder = jobs.LocalFinder(options) if options.detect and not args.plan else None
    return RedactRun(files, pairs, options, finder, folder_mode)


def redact_files(run: RedactRun, args: argparse.Namespace) -> ExitCode:
    """The copies one after another (one input to one copy)."""
    worst = ExitCode.OK
    for n, (src, (dst, fmt)) in enumerate(zip(run.files, run.pairs, strict=True), 1):
        progress = StderrProgress(Path(src).name, args.quiet)
        try:
            _redact_one(src, dst, fmt, args, run.options, run.finder, progress, run.folder, n)
        except RedactorError as exc:
            print(f"redactor: {exc}", file=sys.stderr)
            worst = max(worst, exc.exit_code)
            if exc.exit_code == ExitCode.CANCELLED:
                break
    return worst


class Progress(Protocol):
    """What the steps below tell the user through (StderrProgress, or a folder run's letter)."""

    name: str

    def __call__(self, stage: str, done: int, total: int) -> None: ...

    def note(self, message: str) -> None: ...

    def line(self, text: str) -> None: ...

    def out(self, text: str) -> None: ...


@dataclass
class Prepared:
    """A letter analysed and planned, its unread-ink gate passed: ready to be written."""

    analysis: jobs.Analysis
    plan: RedactionPlan
    terms: list[str]
    dst: str
    fmt: str
    number: int
    folder_mode: bool


def _redact_one(
    src: str,
    dst: str,
    fmt: str,
    args: argparse.Namespace,
    options: jobs.AnalysisOptions,
    finder: jobs.Finder | None,
    progress: Progress,
    folder_mode: bool = False,
    number: int = 1,
) -> None:
    """One input through the core's two jobs (jobs.analyse, jobs.export); here only what the
    command line says and where the copy goes."""
    prepared = prepare(src, dst, fmt, args, options, finder, progress, folder_mode, number)
    try:
        write(prepared, args, progress)
    finally:
        prepared.analysis.close()


def prepare(
    src: str,
    dst: str,
    fmt: str,
    args: argparse.Namespace,
    options: jobs.AnalysisOptions,
    finder: jobs.Finder | None,
    progress: Progress,
    folder_mode: bool = False,
    number: int = 1,
    cancel: jobs.CancelToken | None = None,
) -> Prepared:
    """The first half of a letter: jobs.analyse, the notes on its pages, the unread-ink gate
    (said before anything is written). The caller closes `analysis` (write() does not)."""
    reviewed = plan_ops.load(args.plan) if args.plan else None
    listen = jobs.stage_listener(progress)
    analysis = jobs.analyse(src, options, listen, cancel=cancel, finder=finder, reviewed=reviewed)
    try:
        doc = analysis.document
        for page in doc.pages:
            if page.needs_eyes and not page.unread_regions:
                progress.note(
                    f"page {page.index + 1} needs an editor's eyes: {page.needs_eyes_reason}"
                )
            if page.hidden_words:
                # A document's hidden parts (comments, headers, deleted text, properties) are
                # laid out on its pages as words: the copy hides them whole (burned_unasked).
                shown = {w.box for w in page.words}
                laid_out = sum(1 for w in page.hidden_words if w.box in shown)
                if laid_out < len(page.hidden_words):
                    progress.note(hidden_note(page.index, len(page.hidden_words) - laid_out))
                if laid_out:
                    progress.note(laid_out_note(page.index, laid_out))
        plan = analysis.plan
        # The gate export applies, said before anything is written (the plan file included).
        for line in jobs.check_unread(analysis, plan, args.accept_unread):
            progress.note(f"{line} (accepted by --accept-unread)")
        if reviewed is None:
            _warn_unmatched_terms(doc, list(options.deny), progress)
        terms = jobs.export_terms(analysis, plan)
    except BaseException:
        analysis.close()
        raise
    return Prepared(analysis, plan, terms, dst, fmt, number, folder_mode)


def write(
    prepared: Prepared,
    args: argparse.Namespace,
    progress: Progress,
    cancel: jobs.CancelToken | None = None,
) -> jobs.ExportReport:
    """The second half of a letter: the copy written, checked and named (jobs.export)."""
    from ..core.verify import find_term_numbers

    if cancel:
        cancel.check()
    analysis, plan, fmt, dst = prepared.analysis, prepared.plan, prepared.fmt, prepared.dst
    if prepared.folder_mode and find_term_numbers(Path(dst).stem.replace("_", " "), prepared.terms):
        # The copy is named after its input; a hidden item in that name must not travel.
        dst = _neutral_name(Path(dst).parent, prepared.number, fmt)
        progress.note(f"the file name holds a hidden item: the copy is named {Path(dst).name}")
    if args.save_plan:
        plan_ops.save(plan, args.save_plan)
    count = sum(1 for r in jobs.copy_plan(plan).redactions if r.state == ReviewState.ACCEPTED)
    progress.note(f"{count} boxes to burn in")
    export_options = export_options_of(args, fmt)
    listen = jobs.stage_listener(progress)
    report = jobs.export(analysis, plan, dst, export_options, listen, cancel)
    for note in report.boxed:
        progress.note(note)
    progress.note(report.summary())
    for warning in report.warnings:
        progress.line(f"redactor: warning: {warning} (kept as --color asked)")
    if not args.quiet:
        for path in report.written:
            progress.out(str(path))
    return report


def export_options_of(args: argparse.Namespace, fmt: str) -> jobs.ExportOptions:
    return jobs.ExportOptions(
        fmt=fmt,
        text_layer=not args.no_text_layer,
        bw=args.bw,
        color=args.color,
        accept_unread=args.accept_unread,
    )


def check() -> ExitCode:
    """`redactor --check`: the protection the readers of letters run under, as a worker that
    was just started reports it, then the proof from inside: a socket, a program, and a file
    outside the allowed ones are tried there."""
    import tempfile

    from ..core import lanes, sandbox

    protection = lanes.protection()
    print("Letters are parsed and rendered in separate processes, confined:")
    for line in protection.lines():
        print(f"  {line}")
    if not protection.confined:
        return ExitCode.OK
    with tempfile.TemporaryDirectory(prefix="redactor-check-") as folder:
        probe = Path(folder, "not-a-letter.txt")
        probe.write_text("a file the readers must not see\n", encoding="utf-8")
        tries = {
            "make a network socket": lanes.submit("render", sandbox.try_network),
            "run /bin/sh": lanes.submit("render", sandbox.try_program, "/bin/sh"),
            "read a file that is not the letter": lanes.submit(
                "render", sandbox.try_read, str(probe)
            ),
        }
        print("Tried from inside a reader:")
        for what, future in tries.items():
            happened = future.result(timeout=60)
            print(f"  {what}: {'refused' if not happened else 'ALLOWED (' + happened + ')'}")
    lanes.shutdown("render")
    return ExitCode.OK


def _warn_protection() -> None:
    """A reader that is not fully confined is said once, on stderr (even with -q)."""
    import logging

    from ..core import lanes

    if lanes.serial():
        return
    try:
        protection = lanes.protection()
    except Exception as exc:  # the first read reports a broken worker properly
        logging.getLogger(__name__).info("protection not known: %s", type(exc).__name__)
        return
    logging.getLogger(__name__).info("readers: %s", protection.summary())
    if not protection.complete:
        for line in protection.lines()[:3]:
            if "not available" in line:
                print(f"redactor: warning: readers' {line}", file=sys.stderr)


def _warn_mixed_terms(deny: list[str]) -> None:
    """Deny terms typed with letters of two scripts: said once, on stderr (even with -q)."""
    if not deny:
        return
    from ..core.detect.deny import DenyReport, mixed_terms

    report = DenyReport(count=len(deny), mixed=mixed_terms(deny))
    for message in report.warnings(deny):
        print(f"redactor: warning: {message}", file=sys.stderr, flush=True)


def _warn_unmatched_terms(doc: Any, deny: list[str], progress: Progress) -> None:
    """Deny terms that matched nothing in this letter, by number, on stderr (even with -q)."""
    if not deny:
        return
    from ..core.detect.deny import DenyReport, deny_report

    found = deny_report([p.text for p in doc.pages], deny)
    report = DenyReport(count=found.count, unmatched=found.unmatched)
    for message in report.warnings(deny):
        progress.line(f"{progress.name}: warning: {message}")


def hidden_note(index: int, count: int) -> str:
    words = "word" if count == 1 else "words"
    return f"page {index + 1}: {count} hidden {words} in the source (not carried into the copy)"


def laid_out_note(index: int, count: int) -> str:
    words = "word" if count == 1 else "words"
    return (
        f"page {index + 1}: {count} {words} from parts the original does not show (comments, "
        "headers, deleted text, properties, e-mail headers) are on the page and hidden whole in "
        "the copy; to keep any of them, decide on them in the app"
    )


def _neutral_name(folder: Path, number: int, fmt: str) -> str:
    n = number
    while (folder / f"redacted-{n:03d}.{fmt}").exists():
        n += 1000
    return str(folder / f"redacted-{n:03d}.{fmt}")


def detect(args: argparse.Namespace) -> ExitCode:
    deny = read_terms(args.deny)
    allow = read_terms(args.allow)
    _warn_mixed_terms(deny)
    if args.jsonl:
        if not args.output:
            raise UsageError("--jsonl needs -o OUT.jsonl")
        if args.inputs:
            raise UsageError("give either --jsonl or files, not both")
        from ..core.detect.corpus import detect_jsonl

        detect_jsonl(
            args.jsonl,
            args.output,
            profile=args.profile,
            lang=args.lang,
            spacy_model=args.spacy_model,
        )
        return ExitCode.OK
    if not args.inputs:
        raise UsageError("give files to look at, or --jsonl IN -o OUT")
    files = expand_inputs(args.inputs)
    options = analysis_options(args, deny, allow, accept=False)
    finder = jobs.LocalFinder(options)
    results = []
    worst = ExitCode.OK
    for src in files:
        progress = StderrProgress(Path(src).name, args.quiet)
        try:
            analysis = jobs.analyse(src, options, jobs.stage_listener(progress), finder=finder)
        except RedactorError as exc:
            print(f"redactor: {exc}", file=sys.stderr)
            worst = max(worst, exc.exit_code)
            continue
        analysis.close()
        results.append(_findings_json(analysis.document, analysis.findings, args.show_text))
    if args.json:
        json.dump(
            results if len(results) != 1 else results[0], sys.stdout, ensure_ascii=False, indent=1
        )
        print()
    else:
        for res in results:
            print(f"{res['file']}: {len(res['findings'])} findings")
            for f in res["findings"]:
                text = f" {f['text']!r}" if "text" in f else ""
                print(f"  page {f['page']} {f['label']:<12} {f['score']:.2f} {f['why']}{text}")
            for p in res["pages"]:
                if p["needs_eyes"]:
                    print(f"  page {p['page']} needs eyes: {p['reason']}")
    return worst


def _mark_of(doc: Any, f: Any) -> Any:
    """The page mark (barcode, face, stamp, signature, handwriting) a finding stands for."""
    if f.word_indexes or not f.boxes or f.page >= len(doc.pages):
        return None
    return next((m for m in doc.pages[f.page].marks if m.box == f.boxes[0]), None)


def _findings_json(doc: Any, findings: list[Any], show_text: bool) -> dict[str, Any]:
    out = []
    for f in findings:
        item: dict[str, Any] = {
            "page": f.page + 1,
            "label": f.span.label,
            "score": round(f.span.score, 3),
            "why": f.span.why,
            "source": f.source,
            "start": f.span.start,
            "end": f.span.end,
            "boxes": [b.as_list() for b in f.boxes],
        }
        if f.hidden_indexes:
            item["hidden_words"] = len(f.hidden_indexes)
        mark = _mark_of(doc, f)
        if mark is not None:
            item["kind"] = mark.kind
        if show_text:
            page = doc.pages[f.page]
            words = [page.words[i] for i in f.word_indexes]
            words += [page.hidden_words[i] for i in f.hidden_indexes]
            item["text"] = " ".join(w.text for w in words)
            if mark is not None and mark.content:
                item["text"] = mark.content  # a symbol's decoded text (on request, as words)
        out.append(item)
    pages = [
        {
            "page": p.index + 1,
            "width_px": p.width_px,
            "height_px": p.height_px,
            "dpi": p.dpi,
            "needs_eyes": p.needs_eyes,
            "reason": p.needs_eyes_reason,
            "hidden_words": len(p.hidden_words),
            "unread": [b.as_list() for b in p.unread_regions],
        }
        for p in doc.pages
    ]
    return {"file": doc.path, "pages": pages, "findings": out}


def verify(args: argparse.Namespace) -> ExitCode:
    from ..core.verify import verify_file

    terms = read_terms(args.terms)
    if not os.path.isfile(args.file):
        raise InputError(f"{args.file}: no such file")
    # A copy's pixels are what a reader sees: with terms to look for, OCR runs by default.
    report = verify_file(args.file, terms, ocr=bool(terms) and not args.no_ocr)
    if report.ok:
        print(report.summary())
        return ExitCode.OK
    print(report.summary())
    for problem in report.problems:
        print(f"  - {problem}")
    return ExitCode.LEAK
