"""A larger corpus made by rule from the real one, for benchmarks at scale.

``python benchmarks/scale_corpus.py --factor 10 --out /tmp/corpus10`` writes
``factor × (number of files)`` files: each original, unchanged, and ``factor - 1``
variants of it. A variant

- renames its region (``data/reference/regions.csv``): a city plan becomes another
  city's (full and short name, 邯郸市 → 保定市 and 邯郸 → 保定, so issuer and
  departments follow; the city's counties become the new city's counties), a county
  document becomes another county's (and its city the new county's city); the
  provincial plan keeps 河北省. Indicator-table lines keep their names, which are
  the keys of the reviewed indicator alignment;
- scales the values of each indicator row by one factor in [0.9, 1.1], keeping each
  number's format (decimals; ``*``, ``%``, ``≥`` around it are untouched; a
  percentage of at most 100 stays at most 100);
- shuffles the bodies of the numbered measures of a section, leaving the numbers
  (``1.``, ``（一）``) where they were.

Everything else is kept. The same seed gives the same bytes.
"""

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ingest.corpus import corpus_files, ingest_file
from ingest.records import IndicatorRow
from ingest.reference import Region, RegionTable, load_regions
from ingest.source import read_source
from ingest.text import is_noise

ROOT = Path(__file__).resolve().parent.parent
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A value cell's number: not part of a name such as PM2.5, m3, PM_{2.5} or <sub>2.5</sub>.
_CELL_NUMBER = re.compile(r"(?<![A-Za-z0-9.{}>_^/])\d+(?:\.\d+)?(?![0-9A-Za-z]|\.\d)")
_SHORT_SUFFIX = re.compile(r"(?:(?:满|回|蒙古)族)*自治县$|[省市县区]$")
_SPACES = "[ \u3000]*"
_MARKER_LEAD = " \t\u3000#*"


@dataclass(frozen=True)
class Token:
    """A number to scale: line index, character range, and whether it is a percentage of at most 100."""

    line: int
    start: int
    end: int
    capped: bool


@dataclass(frozen=True)
class Item:
    """A numbered measure: its line indices ``first``..``last`` and the length of its number prefix."""

    first: int
    last: int
    prefix: int


@dataclass(frozen=True)
class Original:
    """What the variants of one corpus file are made from."""

    path: Path
    lines: tuple[str, ...]
    region: Region | None
    rows: tuple[tuple[Token, ...], ...]
    groups: tuple[tuple[Item, ...], ...]
    table_lines: frozenset[int]


def analyse(path: Path, regions: RegionTable) -> Original:
    """Read ``path`` and find its region, indicator-row numbers and shuffleable measure groups."""
    lines = tuple(line.text for line in read_source(path).lines)
    ingested = ingest_file(path, regions.find_in)
    documents = ingested.documents
    region = next((regions.by_name(d.document.region) for d in documents if d.document.region), None)
    rows = [_row_tokens(row, lines) for d in documents for row in d.indicators]
    groups = [group for d in documents for group in _measure_groups(d, lines)]
    table_lines = {index for d in documents for row in d.indicators for index in _indices(row.span)}
    return Original(path, lines, region, tuple(r for r in rows if r), tuple(groups), frozenset(table_lines))


def _indices(span, base: int = 0) -> range:
    """The line indices of ``span`` (0-based, or 1-based line numbers with ``base=1``)."""
    return range(span.line_start - 1 + base, span.line_end + base)


def _row_tokens(row: IndicatorRow, lines: tuple[str, ...]) -> tuple[Token, ...]:
    """The numbers of the row's value cells (baseline, target, cumulative), years and its serial number left out."""
    values = {n for cell in (row.baseline, row.target, row.cumulative) if cell for n in _NUMBER.findall(cell)}
    values -= set(_NUMBER.findall(row.name))
    values = {n for n in values if not (len(n) == 4 and n.isdigit() and 1900 <= int(n) <= 2100)}
    capped = "%" in (row.unit or "")
    serial_pending = row.number
    tokens = []
    for index in _indices(row.span):
        for match in _CELL_NUMBER.finditer(lines[index]):
            if match.group() == serial_pending:
                serial_pending = None
            elif match.group() in values:
                tokens.append(Token(index, match.start(), match.end(), capped and float(match.group()) <= 100))
    return tuple(tokens)


def _measure_groups(document, lines: tuple[str, ...]) -> list[tuple[Item, ...]]:
    """Runs of numbered measures in one section, separated only by blank or page-number lines.

    A measure holding a scope statement (``以下均含…不再列出``, which applies to the
    measures after it) stays where it is.
    """
    headings = {section.span.line_start for section in document.sections}
    scopes = {line for scope in document.scopes for line in range(scope.span.line_start, scope.span.line_end + 1)}
    groups: list[list[Item]] = []
    previous = None
    for measure in document.measures:
        placed = measure.span.line_start in headings and scopes.isdisjoint(_indices(measure.span, 1))
        item = _item(measure, lines) if placed else None
        key = measure.section_path[:-1]
        joined = (
            item is not None
            and previous is not None
            and previous[0] == key
            and previous[1].last < item.first
            and all(is_noise(lines[i]) for i in range(previous[1].last + 1, item.first))
        )
        if joined:
            groups[-1].append(item)
        elif item is not None:
            groups.append([item])
        previous = (key, item) if item is not None else None
    return [tuple(group) for group in groups if len(group) > 1]


def _item(measure, lines: tuple[str, ...]) -> Item | None:
    if not measure.number:
        return None
    first = measure.span.line_start - 1
    at = lines[first].find(measure.number)
    if at < 0 or lines[first][:at].strip(_MARKER_LEAD):
        return None
    return Item(first, measure.span.line_end - 1, at + len(measure.number))


def short_name(name: str) -> str:
    """``邯郸市`` → ``邯郸``, ``宁晋县`` → ``宁晋``; a name whose short form would be one character stays whole."""
    short = _SHORT_SUFFIX.sub("", name)
    return short if len(short) >= 2 else name


def targets(region: Region | None, regions: RegionTable) -> list[Region]:
    """The regions a document of ``region`` may be renamed to: same level, found by name, not itself."""
    if region is None or region.level == "province":
        return []
    return [
        other
        for other in regions
        if other.level == region.level and other != region and regions.find_in(other.name) == (other.name, other.level)
    ]


def renaming(source: Region, target: Region, regions: RegionTable, rng: random.Random) -> dict[str, str]:
    """Names as written in ``source``'s documents → their counterparts for ``target``."""
    names = {source.name: target.name, short_name(source.name): short_name(target.name)}
    if source.level == "city":
        counties = [child.name for child in regions.children(target)]
        rng.shuffle(counties)
        for index, county in enumerate(sorted(child.name for child in regions.children(source))):
            names.setdefault(county, counties[index % len(counties)])
    else:
        city, new_city = regions.parents(source)[0], regions.parents(target)[0]
        if city != new_city:
            names.setdefault(city.name, new_city.name)
            names.setdefault(short_name(city.name), short_name(new_city.name))
    return names


def _renamer(names: dict[str, str]):
    """A function renaming every name of ``names`` in a line, also when printed with spaces between characters."""
    keys = sorted(names, key=len, reverse=True)
    pattern = re.compile("|".join(_SPACES.join(map(re.escape, key)) for key in keys))
    plain = {re.sub(r"[ \u3000]", "", key): value for key, value in names.items()}

    def replace(match: re.Match) -> str:
        written = match.group()
        new = plain[re.sub(r"[ \u3000]", "", written)]
        return " ".join(new) if written != re.sub(r"[ \u3000]", "", written) else new

    return lambda text: pattern.sub(replace, text)


def _scaled(text: str, factor: float, capped: bool) -> str:
    decimals = len(text.partition(".")[2])
    value = float(text) * factor
    if capped:
        value = min(value, 100.0)
    return f"{value:.{decimals}f}"


def variant(original: Original, ordinal: int, seed: int, regions: RegionTable) -> tuple[str, str]:
    """The ``ordinal``-th variant (from 1) of ``original``: its file name and text."""
    rng = random.Random(f"{seed}:{original.path.name}:{ordinal}")
    lines = list(original.lines)
    for tokens in original.rows:
        factor = rng.uniform(0.9, 1.1)
        for token in sorted(tokens, key=lambda t: (t.line, -t.start)):
            line = lines[token.line]
            new = _scaled(line[token.start : token.end], factor, token.capped)
            lines[token.line] = line[: token.start] + new + line[token.end :]
    choices = targets(original.region, regions)
    code = original.region.code if original.region else "000000"
    if choices:
        order = random.Random(f"{seed}:{original.path.name}").sample(choices, len(choices))
        target = order[(ordinal - 1) % len(order)]
        rename = _renamer(renaming(original.region, target, regions, rng))
        lines = [line if i in original.table_lines else rename(line) for i, line in enumerate(lines)]
        code = target.code
    for group in original.groups:
        bodies = [(lines[item.first][item.prefix :], lines[item.first + 1 : item.last + 1]) for item in group]
        rng.shuffle(bodies)
        for item, (head, rest) in zip(reversed(group), reversed(bodies), strict=True):
            lines[item.first : item.last + 1] = [lines[item.first][: item.prefix] + head, *rest]
    return f"{original.path.stem}-v{ordinal:03d}-{code}.txt", "\n".join(lines) + "\n"


def scale_corpus(corpus: Path, out: Path, factor: int, seed: int = 0) -> list[Path]:
    """Write the originals of ``corpus`` and ``factor - 1`` variants of each into ``out``; return the paths."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    out.mkdir(parents=True, exist_ok=True)
    if corpus_files(out):
        raise ValueError(f"{out} already holds corpus files")
    regions = load_regions()
    written = []
    for path in corpus_files(corpus):
        written.append(Path(shutil.copyfile(path, out / path.name)))
        if factor > 1:
            original = analyse(path, regions)
            for ordinal in range(1, factor):
                name, text = variant(original, ordinal, seed, regions)
                (out / name).write_text(text, encoding="utf-8")
                written.append(out / name)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "raw")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    written = scale_corpus(args.corpus, args.out, args.factor, args.seed)
    size = sum(path.stat().st_size for path in written)
    print(f"{len(written)} files, {size / 2**20:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
