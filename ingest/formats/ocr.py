"""OCR of page images with RapidOCR (PP-OCRv4 models shipped inside the wheel; nothing is downloaded).

Text boxes are put into printed lines: boxes whose heights overlap by half are one line,
read left to right.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ingest.text import separator


@dataclass(frozen=True)
class Recognised:
    """The lines read from one image, and the mean confidence per character."""

    lines: list[str]
    confidence: float
    characters: int


@lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def recognise(image) -> Recognised:
    """Read the text of ``image`` (a PIL image or an array) in reading order."""
    array = np.asarray(image.convert("RGB")) if hasattr(image, "convert") else image
    found, _ = _engine()(array)
    boxes = sorted(
        (
            (min(y for _, y in box), max(y for _, y in box), min(x for x, _ in box), text, score)
            for box, text, score in found or []
        ),
        key=lambda item: (item[0], item[2]),
    )
    rows: list[list[tuple]] = []
    for box in boxes:
        row = rows[-1] if rows else None
        if row and _overlap(row[0], box) > 0.5:
            row.append(box)
        else:
            rows.append([box])
    lines = []
    for row in rows:
        text = ""
        for _, _, _, piece, _ in sorted(row, key=lambda item: item[2]):
            text += separator(text, piece) + piece
        lines.append(text)
    characters = sum(len(text) for *_, text, _ in boxes)
    confidence = sum(len(text) * score for *_, text, score in boxes) / characters if characters else 0.0
    return Recognised(lines=lines, confidence=confidence, characters=characters)


def _overlap(first: tuple, second: tuple) -> float:
    """How much of the lower box's height the two boxes share."""
    shared = min(first[1], second[1]) - max(first[0], second[0])
    return shared / max(min(first[1] - first[0], second[1] - second[0]), 1)
