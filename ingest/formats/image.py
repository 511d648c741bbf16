"""Scanned pages as image files (PNG, JPEG, TIFF with one page per frame), read by OCR."""

from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from ingest.errors import IngestError
from ingest.formats.extracted import Extracted
from ingest.formats.ocr import recognise
from ingest.records.ocr import OcrPage


def read_image(path: Path, name: str) -> Extracted:
    """Every page (frame) of an image file, by OCR."""
    try:
        picture = Image.open(path)
    except (UnidentifiedImageError, OSError) as err:
        raise IngestError(name, None, f"not a readable image: {err}") from None
    out = Extracted()
    with picture:
        for page, frame in enumerate(ImageSequence.Iterator(picture), start=1):
            read = recognise(frame)
            out.add_all(read.lines, page)
            out.ocr.append(OcrPage(source_file=name, page=page, confidence=read.confidence, characters=read.characters))
    return out
