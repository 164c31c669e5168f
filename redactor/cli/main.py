"""The `redactor` command: the desktop app, or `redact`, `detect`, `verify` subcommands.

Only this module turns core errors into exit codes: `ExitCode` (core/errors.py), listed in the
help's epilog from the enum itself."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import textwrap
import threading
from collections.abc import Sequence
from typing import Any

from ..core.errors import ExitCode, RedactorError, UsageError
from . import commands, folder

SUBCOMMANDS = ("redact", "detect", "verify")

DESCRIPTION = """\
Redactor finds names and identifying details in letters (PDF, scans, photos, text; Russian,
Kazakh, English) and writes copies that are safe to publish: every page is rebuilt from pixels
with the redactions burned in, nothing of the source file is kept, and every copy is re-read by
independent readers before it gets its name. It never uses the network and never changes inputs.

Without a subcommand, `redactor [FILE...]` opens the desktop app."""


def _exit_codes() -> str:
    lines = ["exit codes:"]
    for code in ExitCode:
        lines += textwrap.wrap(
            code.meaning,
            94,
            break_on_hyphens=False,
            initial_indent=f"  {code.value:<4}",
            subsequent_indent=" " * 6,
        )
    return "\n".join(lines)


EPILOG = (
    _exit_codes()
    + """

examples:
  redactor redact letter.pdf -o safe.pdf --deny names.txt
  redactor redact inbox/ -o safe/ --format png --bw
  redactor detect letter.pdf --json
  redactor detect --jsonl corpus.jsonl -o predicted.jsonl
  redactor verify safe.pdf --terms names.txt"""
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message} (see --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="redactor",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"redactor {__version__}")
    parser.add_argument(
        "--check",
        action="store_true",
        help="show the protection the readers of letters run under (the sandbox), and exit",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("-v", "--verbose", action="store_true", help="log steps (never any text)")
        p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")

    r = sub.add_parser(
        "redact",
        help="find, redact and export verified safe copies",
        description="Redact files or folders and export safe copies, each verified after writing. "
        "OUTPUT is a file for one input and a folder for several; the format follows OUTPUT's "
        "extension unless --format says otherwise.",
    )
    r.add_argument("inputs", nargs="+", metavar="INPUT", help="PDF, image, text file or folder")
    r.add_argument("-o", "--output", required=True, metavar="OUTPUT")
    r.add_argument(
        "--profile",
        choices=("strict", "names"),
        default="strict",
        help="strict: every identifying detail (default); names: person names only",
    )
    r.add_argument("--deny", metavar="FILE", help="terms to hide everywhere, one a line")
    r.add_argument("--allow", metavar="FILE", help="terms never to hide, one a line")
    r.add_argument("--plan", metavar="FILE", help="a reviewed redaction plan (from the app)")
    r.add_argument("--save-plan", metavar="FILE", help="write the redaction plan used")
    r.add_argument("--password", metavar="PW", help="password of encrypted PDFs")
    r.add_argument("--lang", choices=("auto", "en", "ru", "kk"), default="auto")
    r.add_argument("--format", choices=("pdf", "png", "txt"), help="output format")
    r.add_argument(
        "--no-text-layer",
        action="store_true",
        help="no invisible text layer (by default the words outside every box)",
    )
    look = r.add_mutually_exclusive_group()
    look.add_argument(
        "--bw", action="store_true", help="black-and-white pages (removes printer tracking dots)"
    )
    look.add_argument(
        "--color",
        "--colour",
        dest="color",
        action="store_true",
        help="keep the pages' colours exactly as they are, printer tracking dots included "
        "(by default pages are greyscale, or colour with the yellow dot pattern cleaned when "
        "they have colour worth keeping: a pen, a stamp, a photo)",
    )
    r.add_argument("--dpi", type=int, default=200, help="working resolution (default 200)")
    r.add_argument(
        "--no-detect",
        action="store_true",
        help="hide only the --deny terms (no automatic detection)",
    )
    r.add_argument(
        "--accept-unread",
        action="store_true",
        help="the editor's decision: write copies even where a page has ink no reader could "
        "read (turned, mirrored or faint writing, handwriting, stamps); the regions are listed "
        "on stderr. Without it such an input exits 6 and nothing is written",
    )
    r.add_argument(
        "--whole-photo",
        action="store_true",
        help="keep a photo's background (by default a phone photo is cut to the page it shows; "
        "ink outside the page is not held as unread either way)",
    )
    r.add_argument("--spacy-model", metavar="NAME", help="a bigger installed spaCy pipeline")
    r.add_argument(
        "--restart",
        action="store_true",
        help="a folder run: write every copy again (by default a copy finished by an earlier "
        "run from the same input with the same options is kept, so an interrupted run resumes)",
    )
    common(r)

    d = sub.add_parser(
        "detect",
        help="list findings (or label a JSONL corpus)",
        description="Print the findings of documents, or label a JSON Lines corpus "
        "({id, lang, text, spans}) with predicted spans.",
    )
    d.add_argument("inputs", nargs="*", metavar="FILE")
    d.add_argument("--jsonl", metavar="IN", help="a JSON Lines corpus to label")
    d.add_argument("-o", "--output", metavar="OUT", help="where to write the labelled corpus")
    d.add_argument("--json", action="store_true", help="JSON output (page and boxes per finding)")
    d.add_argument(
        "--show-text",
        action="store_true",
        help="include the found text in the output (off by default)",
    )
    d.add_argument("--profile", choices=("strict", "names"), default="strict")
    d.add_argument("--lang", choices=("auto", "en", "ru", "kk"), default="auto")
    d.add_argument("--deny", metavar="FILE")
    d.add_argument("--allow", metavar="FILE")
    d.add_argument("--password", metavar="PW")
    d.add_argument("--dpi", type=int, default=200)
    d.add_argument("--spacy-model", metavar="NAME")
    common(d)

    v = sub.add_parser(
        "verify",
        help="independent leak check of any PDF or image",
        description="Re-read a file with several independent readers, report hidden structures "
        "and metadata, a printer's yellow tracking-dot pattern, and search for the given terms "
        "and their forms. Exit 4 on any finding.",
    )
    v.add_argument("file", metavar="FILE")
    v.add_argument("--terms", metavar="FILE", help="terms to search for, one a line")
    v.add_argument(
        "--ocr", action="store_true", help="OCR the pages and images (the default with --terms)"
    )
    v.add_argument("--no-ocr", action="store_true", help="do not OCR (faster, text only)")
    common(v)
    return parser


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_on_signals() -> dict[int, Any]:
    """`kill` (SIGTERM) and a closed terminal (SIGHUP) end a run like Ctrl+C does: through
    the same clean-up, so no temporary copy is left in the output folder. Returns the handlers
    it replaced."""
    old: dict[int, Any] = {}
    if threading.current_thread() is not threading.main_thread():
        return old
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            old[sig] = signal.signal(sig, _interrupt)
    return old


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0] not in SUBCOMMANDS and not args_list[0].startswith("-")):
        try:
            from ..gui.app import run
        except ImportError as exc:
            print(f"redactor: the desktop app cannot start ({exc})", file=sys.stderr)
            return ExitCode.MISSING
        return run(args_list)
    old_handlers = _stop_on_signals()
    try:
        return _run(args_list)
    finally:
        for sig, handler in old_handlers.items():
            signal.signal(sig, handler)


def _run(args_list: list[str]) -> int:
    try:
        args = build_parser().parse_args(args_list)
        if args.check:
            return commands.check()
        if args.command is None:
            build_parser().print_help()
            return ExitCode.USAGE
        _setup_logging(args.verbose)
        if args.command == "redact":
            run = commands.redact_run(args)
            if run.folder:
                return folder.redact_folder(run.files, run.pairs, args, run.options, run.finder)
            return commands.redact_files(run, args)
        if args.command == "detect":
            return commands.detect(args)
        return commands.verify(args)
    except RedactorError as exc:
        print(f"redactor: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("redactor: cancelled", file=sys.stderr)
        return ExitCode.CANCELLED
    except MemoryError:
        print("redactor: out of memory (the input is too large)", file=sys.stderr)
        return ExitCode.INPUT
    except Exception as exc:  # the last line of defence: one line, no traceback
        if os.environ.get("REDACTOR_DEBUG"):
            raise
        print(
            f"redactor: internal error ({type(exc).__name__}); "
            "run with REDACTOR_DEBUG=1 for details",
            file=sys.stderr,
        )
        return ExitCode.INTERNAL


def entry() -> None:
    """The process's entry point (`redactor`, `python -m redactor`): main(), then the exit. A run
    stopped by Ctrl+C, `kill` or a closed terminal ends at once: its workers are killed and the
    interpreter's exit hooks are skipped (they join the worker pools' queue threads, which can
    wait for minutes on a pipe a killed worker no longer reads). Its part files are already gone:
    the export removes them before main() returns."""
    code = main()
    if code == ExitCode.CANCELLED:
        from redactor.core import lanes

        lanes.kill_workers()  # no waiting on the pools' threads: this process ends now
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(int(code))
    sys.exit(code)


if __name__ == "__main__":
    entry()
