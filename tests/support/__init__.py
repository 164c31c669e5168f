"""Helpers of the tests (conftest.py files keep only fixtures and hooks):

- `data`: where the shared test data lives (DATA, LETTERS, HAVE_DATA, NO_DATA_REASON,
  `needs_data`), the repository's ROOT, and `sha256` of a file.
- `cli`: the real command line as its own process (`run_cli`), a terms file (`terms_file`), and
  the check for one clear error line (`one_line_error`).
- `rawpdf`: a small raw PDF writer (RawPdf, `text_ops`, `pdf_str`, a Type 3 font, incremental
  updates) and text drawn into images (`text_image`, `text_bbox`), with nothing of our exporter.
- `readers`: independent readers (poppler, qpdf, mutool, pdfminer.six, exiftool, pypdf, a byte
  and stream scan, Tesseract's `ocr` of a `render`), `fold` of look-alike letters, `text_has`,
  and `need_tools` (fails a test when a reader's program is missing).
- `battery`: the leak battery's checks of a copy by every reader, and its vector tables
  (Vector, Built, Battery, `params`, `copy_findings`, `verify_rc`).
- `letters`: synthetic letters shared by several tests (a typed PDF in look-alike letters, a
  scanned letter with a picture or a scrawl pasted on it).
- `hidden`: typed letters whose text layer holds words the page does not show.
- `traces`: a letter whose file name holds a name, and what of it some kept bytes hold.
- `orphans`: a many-page scan, and a process's workers read from /proc (a killed parent leaves
  no worker behind).

Helpers that read the shared data name DATA or LETTERS; tests/conftest.py follows the helpers of
this package a test calls when it decides what to skip without the data.
"""
