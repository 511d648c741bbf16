"""Comparing plans: the indicator matrix as printed, numeric indicator tables, the plans a name stands for.

A matrix cell reads ``baseline → target（attribute）``, with the five-year cumulative
value when the plan gives one and the scope when it is not the whole jurisdiction. A
row of a progress table (REPORTS_PROGRESS) reads ``目标 55 · 实际 80 · 完成 是``. A cell
starts with ``⚠`` when it cannot be compared with its row as it stands: its target is
not a number (``达到省要求``), or it measures another scope (市城区 beside 全市) than the
row's most common one. The numeric table gives the same rows as numbers in the
indicator's unit, for CSV and spreadsheets. The explorer, CLI, report and notebook
share these functions; ``run(name, **params)`` runs a named query (:func:`runner`).
"""

from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from graph.units import normalise_unit
from queries.api import KnowledgeGraph
from queries.named import named

Run = Callable[..., pd.DataFrame]
EMPTY = (None, "", "--", "----", "—", "-")
WHOLE = ("全域", "全市", "全县", "县域", "市域")
"""Scopes that mean the whole area the plan governs."""
MARK = "⚠ "
LEVELS = {"province": 0, "city": 1, "county": 2}
OTHER = "其他"
CATEGORIES = ("环境治理", "应对气候变化", "环境风险防控", "生态保护")
"""The plans' own indicator categories, in the order their tables print them; others follow by name."""


def runner(graph: KnowledgeGraph) -> Run:
    """``run(name, **params)``: a named query's rows on ``graph``."""
    return lambda name, **params: named(name).run(graph, **params)


def plans_named(plans: pd.DataFrame, names: Iterable[str]) -> list[str]:
    """The plan ids that region names (``邯郸市``, with one plan) or plan ids stand for, in order.

    ``plans`` has ``plan_id`` and ``region``. ValueError names what stands for no plan or for several.
    """
    ids = []
    for name in names:
        found = plans[(plans["plan_id"] == name) | (plans["region"] == name)]["plan_id"].tolist()
        if len(found) != 1:
            raise ValueError(f"{name!r} names {len(found)} plans ({', '.join(found) or 'none'}); give one plan id")
        ids.append(found[0])
    return ids


def plan_columns(plans: pd.DataFrame) -> dict[str, str]:
    """A short column name per plan id: its region, with the plan's own words when a region has several.

    Plans whose names still coincide (one region's plans of the same title) are numbered ``#1``, ``#2`` in order.
    """
    crowded = plans["region"].duplicated(keep=False)
    names = {}
    for plan, region, title, several in zip(plans["plan_id"], plans["region"], plans["title"], crowded, strict=True):
        names[plan] = f"{region}·{title.removeprefix(region)[:10]}" if several else region
    repeated = {name for name, count in Counter(names.values()).items() if count > 1}
    numbered: Counter = Counter()
    for plan, name in names.items():
        if name in repeated:
            numbered[name] += 1
            names[plan] = f"{name} #{numbered[name]}"
    return names


def scope_of(scope: str | None) -> str:
    """The scope as compared: every whole-area wording is one scope."""
    scope = present(scope)
    return "全域" if scope in WHOLE or scope is None else scope


def present(value):
    """``value``, or None when it is missing (None or NaN)."""
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


def cell(row: Mapping, usual_scope: str) -> str:
    """One cell: literals as printed, the scope when not the whole area, ``⚠`` when not comparable.

    When the plan printed its values in another unit than the row's (``万吨`` in a ``吨``
    row), the printed unit follows the literals, so ``0.075`` is not read as tonnes.
    """
    field = {name: present(row.get(name)) for name in _FIELDS}
    if field["achieved"] is not None or field["met"] is not None:
        text = f"目标 {_shown(field['target'])} · 实际 {_shown(field['achieved'])} · 完成 {_shown(field['met'])}"
        if not _empty(field["baseline"]):
            text = f"{field['baseline']} → {text}"
    else:
        text = f"{_shown(field['baseline'])} → {_shown(field['target'])}"
    printed, unit = field["unit_as_written"], field["unit"]
    if printed and normalise_unit(printed) != normalise_unit(unit):
        text += f" {printed}"
    if not _empty(field["cumulative"]):
        text += f"［累计 {field['cumulative']}］"
    if field["attribute"]:
        text += f"（{field['attribute']}）"
    if scope_of(field["scope"]) != "全域":
        text += f"〔{field['scope']}〕"
    return text if comparable(field, usual_scope) else MARK + text


def comparable(row: Mapping, usual_scope: str) -> bool:
    """Whether a row can be compared with its indicator's others: a numeric target over the usual scope."""
    return present(row.get("target_value")) is not None and scope_of(row.get("scope")) == usual_scope


def usual_scopes(rows: pd.DataFrame) -> pd.Series:
    """Indicator id → the scope most of its rows measure (whole-area wordings counted as one)."""
    return (
        rows.assign(compared=rows["scope"].map(scope_of))
        .groupby("indicator_id")["compared"]
        .agg(lambda scopes: scopes.mode().iloc[0])
    )


def category_order(categories: Iterable[str]) -> list[str]:
    """Categories in the plans' order (:data:`CATEGORIES`), then any others by name."""
    present_ = set(categories)
    return [c for c in CATEGORIES if c in present_] + sorted(present_ - set(CATEGORIES))


def ordered_plans(plans: pd.DataFrame) -> pd.DataFrame:
    """Plans in the order tables show them: province, city, county, then by region code (GB/T 2260) and id."""
    return (
        plans.assign(rank=plans["level"].map(LEVELS)).sort_values(["rank", "region_id", "plan_id"]).drop(columns="rank")
    )


def indicator_matrix(rows: pd.DataFrame, plans: pd.DataFrame) -> pd.DataFrame:
    """Rows of the ``indicator_matrix`` query as one table, grouped by the plans' categories.

    ``plans`` has ``plan_id``, ``title``, ``region`` and ``level`` of every plan. The
    index is the indicator's name; the first columns are its category and unit, then
    one column per plan that has targets, ordered province, city, county. Several rows
    of one plan for one indicator (different scopes) share a cell, separated by ``｜``.
    """
    if rows.empty:
        return pd.DataFrame()
    plans = ordered_plans(plans[plans["plan_id"].isin(rows["plan_id"])])
    columns = plan_columns(plans)
    usual = usual_scopes(rows)
    shaped = rows.assign(
        column=rows["plan_id"].map(columns),
        cell=[cell(row, usual[row["indicator_id"]]) for row in rows.to_dict("records")],
        category=rows["category"].fillna(OTHER),
    )
    table = shaped.pivot_table(index="indicator", columns="column", values="cell", aggfunc=" ｜ ".join)
    about = shaped.drop_duplicates("indicator").set_index("indicator")[["category", "unit"]]
    about.columns = ["类别 category", "单位 unit"]
    matrix = pd.concat([about, table[[columns[plan] for plan in plans["plan_id"]]]], axis=1).fillna("")
    return matrix.loc[printed_order(shaped, list(plans["plan_id"]))].rename_axis("指标 indicator")


def printed_order(rows: pd.DataFrame, plan_ids: list[str]) -> list[str]:
    """Indicator names by category (:func:`category_order`), then in the order the first plan that has them prints them."""
    ranks = {category: rank for rank, category in enumerate(category_order(rows["category"]))}
    keyed = rows.assign(
        category_rank=rows["category"].map(ranks),
        plan_rank=rows["plan_id"].map({plan: rank for rank, plan in enumerate(plan_ids)}),
    ).sort_values(["category_rank", "plan_rank", "line_start"])
    return keyed.drop_duplicates("indicator")["indicator"].tolist()


def indicator_values(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of the ``indicator_matrix`` query as numbers: one row per plan and indicator row, for CSV and spreadsheets.

    ``baseline``, ``target`` and ``change`` (target − baseline) are numbers in ``unit``
    (empty when the plan printed no number), ``change_pct`` relative to the baseline;
    the literals as printed, the attribute, the scope and whether the row is comparable
    follow, with the file and lines the row was read from.
    """
    usual = usual_scopes(rows) if not rows.empty else pd.Series(dtype=str)
    baseline = pd.to_numeric(rows["baseline_value"], errors="coerce")
    target = pd.to_numeric(rows["target_value"], errors="coerce")
    change = target - baseline
    table = pd.DataFrame(
        {
            "category": rows["category"].fillna(OTHER),
            "indicator": rows["indicator"],
            "region": rows["region"],
            "plan": rows["plan"],
            "plan_id": rows["plan_id"],
            "unit": rows["unit"],
            "baseline": baseline,
            "target": target,
            "change": change,
            "change_pct": (change / baseline.where(baseline != 0) * 100).round(1),
            "attribute": rows["attribute"],
            "scope": rows["scope"],
            "comparable": [comparable(row, usual[row["indicator_id"]]) for row in rows.to_dict("records")],
            "baseline_as_printed": rows["baseline"],
            "target_as_printed": rows["target"],
            "row_as_printed": rows["as_written"],
            "source_file": rows["source_file"],
            "line_start": rows["line_start"],
            "line_end": rows["line_end"],
        }
    )
    plans = ordered_plans(rows.drop_duplicates("plan_id"))["plan_id"].tolist()
    order = {name: rank for rank, name in enumerate(printed_order(rows.assign(category=table["category"]), plans))}
    return (
        table.assign(rank=table["indicator"].map(order))
        .sort_values(["rank", "region"], kind="stable")
        .drop(columns="rank")
        .reset_index(drop=True)
    )


def shared(rows: pd.DataFrame, plan_ids: list[str]) -> pd.DataFrame:
    """The rows of indicators every plan of ``plan_ids`` has a row for, those plans' rows only."""
    rows = rows[rows["plan_id"].isin(plan_ids)]
    per_indicator = rows.groupby("indicator_id")["plan_id"].nunique()
    return rows[rows["indicator_id"].isin(per_indicator[per_indicator == len(set(plan_ids))].index)]


_FIELDS = (
    "baseline",
    "target",
    "achieved",
    "met",
    "cumulative",
    "attribute",
    "scope",
    "target_value",
    "unit",
    "unit_as_written",
)


def _empty(literal) -> bool:
    return present(literal) is None or literal in EMPTY


def _shown(literal: str | None) -> str:
    return "—" if _empty(literal) else literal
