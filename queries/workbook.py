"""The comparison workbook of a few plans: indicators, measures aligned by topic, gaps and responsibilities.

Every row cites its document (the plan's title), the document number and the file
and lines it was read from. ``plankg report`` writes it; the explorer offers the same
bytes as a download.
"""

import io
from itertools import permutations
from pathlib import Path

import pandas as pd

from queries.compare import Run, indicator_values, plans_named

YEAR = 2025
SHEETS = {
    "plans": "规划 plans",
    "indicators": "指标 indicators",
    "measures": "措施对照 measures",
    "gaps": "无对应 gaps",
    "responsibilities": "责任 responsibilities",
}
GAP_COLUMNS = [
    "verdict", "measure_id", "section", "measure", "near_misses", "plan_id", "searched_in", "document", "doc_number",
    "source",
]  # fmt: skip
NO_UNITS = "（本规划未列出责任单位 / this plan names no responsible units）"


def comparison(run: Run, names: list[str], year: int = YEAR) -> dict[str, pd.DataFrame]:
    """The sheets comparing the plans ``names`` stands for (regions such as ``邯郸市``, or plan ids).

    ValueError names what stands for no plan or several.
    """
    plans = run("plans")
    ids = plans_named(plans, names)
    chosen = plans.set_index("plan_id").loc[ids].reset_index()
    cite = chosen.set_index("plan_id")[["title", "doc_number"]].rename(columns={"title": "document"})
    return {
        "plans": chosen[["region", "title", "doc_number", "level", "responsibilities", "plan_id"]],
        "indicators": _indicators(run, ids, cite, year),
        "measures": _measures(run, ids, cite),
        "gaps": _gaps(run, ids, cite),
        "responsibilities": _responsibilities(run, ids, chosen, cite),
    }


def _cited(rows: pd.DataFrame, cite: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (with ``plan_id``, ``source_file``, ``line_start``, ``line_end``) with document, number and source."""
    rows = rows.drop(columns=[column for column in cite.columns if column in rows]).join(cite, on="plan_id")
    source = rows["source_file"] + ":" + rows["line_start"].astype("Int64").astype(str) + "-"
    return rows.assign(source=source + rows["line_end"].astype("Int64").astype(str))


def _indicators(run: Run, ids: list[str], cite: pd.DataFrame, year: int) -> pd.DataFrame:
    rows = run("indicator_matrix", year=year)
    values = indicator_values(rows[rows["plan_id"].isin(ids)])
    return _cited(values, cite).drop(columns=["plan", "source_file", "line_start", "line_end"])


def _measures(run: Run, ids: list[str], cite: pd.DataFrame) -> pd.DataFrame:
    measures = run("plan_measures", plans=ids)
    topics = run("main_topics", ids=measures["measure_id"].tolist()).groupby("measure_id")["topic"].agg("、".join)
    links = run("measure_counterparts", ids=measures["measure_id"].tolist())
    table = measures.assign(topic=measures["measure_id"].map(topics).fillna(""))
    for other in ids:
        mine = links[links["plan_id"] == other].groupby("measure_id")["other"].agg("、".join)
        table[f"≈ {cite.loc[other, 'document']}"] = (
            table["measure_id"].map(mine).where(table["plan_id"] != other, "—").fillna("")
        )
    table = table.sort_values(["topic", "plan_id", "line_start"], kind="stable")
    return _cited(table, cite).drop(columns=["source_file", "line_start", "line_end", "plan"])


def _gaps(run: Run, ids: list[str], cite: pd.DataFrame) -> pd.DataFrame:
    """Each plan's measures with no counterpart in each other plan; no rows for a single plan."""
    parts = []
    for plan, other in permutations(ids, 2):
        rows = run("measure_gaps", plan=plan, other=other, topic="")
        near = [
            "、".join(f"{m} ({s:.2f})" for m, s in zip(misses, scores, strict=True))
            for misses, scores in zip(rows["near_misses"], rows["near_scores"], strict=True)
        ]
        parts.append(rows.assign(plan_id=plan, searched_in=cite.loc[other, "document"], near_misses=near))
    if not parts:
        return pd.DataFrame(columns=GAP_COLUMNS)
    rows = pd.concat(parts, ignore_index=True)
    return _cited(rows, cite)[GAP_COLUMNS]


def _responsibilities(run: Run, ids: list[str], plans: pd.DataFrame, cite: pd.DataFrame) -> pd.DataFrame:
    rows = run("plan_responsibilities", plans=ids)
    silent = plans[plans["responsibilities"] == 0]
    notes = pd.DataFrame({"plan_id": silent["plan_id"], "region": silent["region"], "department": NO_UNITS})
    rows = pd.concat([rows, notes], ignore_index=True)
    return _cited(rows, cite).drop(columns=["source_file", "line_start", "line_end", "plan"])


def workbook_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """The sheets as one .xlsx workbook (openpyxl): a header row frozen, columns wide enough to read."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, frame in sheets.items():
            frame.to_excel(writer, sheet_name=SHEETS[key], index=False)
            sheet = writer.sheets[SHEETS[key]]
            sheet.freeze_panes = "A2"
            for column in sheet.columns:
                longest = max((len(str(cell.value)) for cell in column if cell.value is not None), default=8)
                sheet.column_dimensions[column[0].column_letter].width = min(max(longest, 8) * 1.6, 80)
    return buffer.getvalue()


def write_workbook(sheets: dict[str, pd.DataFrame], out: Path) -> None:
    """Write the workbook to ``out``, aside first and renamed in, so an interrupted write leaves no half file."""
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(workbook_bytes(sheets))
    partial.replace(out)
