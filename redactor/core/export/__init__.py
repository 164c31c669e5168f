"""Safe export: burn-in, from-scratch PDF/PNG/TXT writers, and the verified export entry point."""

from .burn import burn, cover_boxes, to_bw, visible_words
from .pdf import ExportPage, write_pdf
from .png import write_png
from .safe import export_safe
from .txt import write_txt

__all__ = [
    "ExportPage",
    "burn",
    "cover_boxes",
    "export_safe",
    "to_bw",
    "visible_words",
    "write_pdf",
    "write_png",
    "write_txt",
]
