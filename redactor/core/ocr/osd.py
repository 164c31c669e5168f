"""Which way up a page is, and in which script, from Tesseract's orientation and script
detection (osd.traineddata; on Debian the package tesseract-ocr-osd).

Without the data the page is taken as upright: OSD makes reading better, it is not what
makes it safe (ink no word explains is caught either way)."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from PIL import Image

log = logging.getLogger(__name__)

# Tesseract's own confidence scale for OSD; below this a page is left as it is.
MIN_ORIENT_CONF = 2.0
# OSD reads a page at half the working resolution: as sure, and a third of the time.
OSD_DPI = 100


@dataclass(frozen=True)
class Orientation:
    degrees: int  # 0, 90, 180, 270: turn the page counter-clockwise by this to read it
    confidence: float
    script: str  # "Latin", "Cyrillic", ... or "" when unknown
    script_confidence: float


UPRIGHT = Orientation(0, 0.0, "", 0.0)
_API: dict[str, object] = {}


def _api(tessdata: str) -> object | None:
    if tessdata in _API:
        return _API[tessdata]
    api = None
    if os.path.isfile(os.path.join(tessdata, "osd.traineddata")):
        try:
            import tesserocr

            api = tesserocr.PyTessBaseAPI(
                path=tessdata + os.sep, lang="osd", psm=tesserocr.PSM.OSD_ONLY
            )
        except (ImportError, RuntimeError) as exc:
            log.warning("orientation detection unavailable (%s)", type(exc).__name__)
    else:
        log.warning("osd.traineddata missing: pages are read as they are turned")
    _API[tessdata] = api
    return api


def detect_orientation(image: Image.Image, dpi: int, tessdata: str) -> Orientation:
    """The page's orientation and script; UPRIGHT when unsure or when there is no OSD data."""
    api = _api(tessdata)
    if api is None:
        return UPRIGHT
    factor = max(1, int(dpi / OSD_DPI))
    small = image.convert("L")
    if factor > 1:
        small = small.reduce(factor)
    api.SetImage(small)  # type: ignore[attr-defined]
    api.SetSourceResolution(max(1, dpi // factor))  # type: ignore[attr-defined]
    try:
        res = api.DetectOrientationScript()  # type: ignore[attr-defined]
    except RuntimeError:
        res = None
    finally:
        api.Clear()  # type: ignore[attr-defined]
    if not res:
        return UPRIGHT
    deg = int(res.get("orient_deg", 0)) % 360
    conf = float(res.get("orient_conf", 0.0))
    script = str(res.get("script_name", "") or "")
    sconf = float(res.get("script_conf", 0.0))
    if conf < MIN_ORIENT_CONF or deg not in (0, 90, 180, 270):
        deg = 0
    return Orientation(deg, conf, script, sconf)
