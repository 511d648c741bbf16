"""The indicator matrix: canonical indicators as rows, plans as columns, literals as printed.

A cell reads ``baseline → target（attribute）``, with the five-year cumulative value
when the plan gives one and the scope when it is not the whole jurisdiction. A row
of a progress table (REPORTS_PROGRESS) reads ``目标 55 · 实际 80 · 完成 是``: the
earlier plan's target, what was achieved and whether it was met, as printed.
A cell starts with ``⚠`` when it cannot be compared with its row as it stands: its
target is not a number (``达到省要求`` is shown as written), or it measures a
different scope (市城区 beside 全市) than the row's most common one.

A missing value (None, or the NaN pandas may turn it into) is never shown as text.
"""

from collections import Counter
from collections.abc import Mapping

import pandas as pd

from graph.units import normalise_unit

EMPTY = (None, "", "--", "----", "—", "-")
WHOLE = ("全域", "全市", "全县", "县域", "市域")
"""Scopes that mean the whole area the plan governs."""
MARK = "⚠ "
LEVELS = {"province": 0, "city": 1, "county": 2}


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
    comparable = field["target_value"] is not None and scope_of(field["scope"]) == usual_scope
    return text if comparable else MARK + text


def indicator_matrix(rows: pd.DataFrame, plans: pd.DataFrame) -> pd.DataFrame:
    """Rows of the ``indicator_matrix`` query as one table.

    ``plans`` has ``plan_id``, ``title``, ``region`` and ``level`` of every plan.
    The index is the indicator's name, the first column its unit, then one column
    per plan that has targets, ordered province, city, county. Several rows of one
    plan for one indicator (different scopes) share a cell, separated by ``｜``.
    """
    if rows.empty:
        return pd.DataFrame()
    plans = plans[plans["plan_id"].isin(rows["plan_id"])]
    plans = plans.assign(rank=plans["level"].map(LEVELS)).sort_values(["rank", "region", "plan_id"])
    columns = plan_columns(plans)
    usual = (
        rows.assign(compared=rows["scope"].map(scope_of))
        .groupby("indicator_id")["compared"]
        .agg(lambda scopes: scopes.mode().iloc[0])
    )
    shaped = rows.assign(
        column=rows["plan_id"].map(columns),
        cell=[cell(row, usual[row["indicator_id"]]) for row in rows.to_dict("records")],
    )
    table = shaped.pivot_table(index="indicator", columns="column", values="cell", aggfunc=" ｜ ".join)
    units = shaped.drop_duplicates("indicator").set_index("indicator")["unit"].rename("单位 unit")
    return pd.concat([units, table[[columns[plan] for plan in plans["plan_id"]]]], axis=1).fillna("")


_FIELDS = (
    "baseline", "target", "achieved", "met", "cumulative", "attribute", "scope", "target_value", "unit", "unit_as_written"
)


def _empty(literal) -> bool:
    return present(literal) is None or literal in EMPTY


def _shown(literal: str | None) -> str:
    return "—" if _empty(literal) else literal
