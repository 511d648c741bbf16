"""The indicator matrix: canonical indicators as rows, plans as columns, literals as printed.

A cell reads ``baseline → target（attribute）``, with the five-year cumulative value
when the plan gives one and the scope when it is not the whole jurisdiction.
A cell starts with ``⚠`` when it cannot be compared with its row as it stands: its
target is not a number (``达到省要求`` is shown as written), or it measures a
different scope (市城区 beside 全市) than the row's most common one.
"""

from collections import Counter

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
    return "全域" if scope in WHOLE or scope is None else scope


def cell(row: pd.Series, usual_scope: str) -> str:
    """One cell: literals as printed, the scope when not the whole area, ``⚠`` when not comparable.

    When the plan printed its values in another unit than the row's (``万吨`` in a ``吨``
    row), the printed unit follows the literals, so ``0.075`` is not read as tonnes.
    """
    text = f"{_shown(row['baseline'])} → {_shown(row['target'])}"
    printed, unit = (
        value if isinstance(value, str) else None for value in (row.get("unit_as_written"), row.get("unit"))
    )
    if printed and normalise_unit(printed) != normalise_unit(unit):
        text += f" {printed}"
    if not _empty(row["cumulative"]):
        text += f"［累计 {row['cumulative']}］"
    if row["attribute"]:
        text += f"（{row['attribute']}）"
    if scope_of(row["scope"]) != "全域":
        text += f"〔{row['scope']}〕"
    return text if not pd.isna(row["target_value"]) and scope_of(row["scope"]) == usual_scope else MARK + text


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
        cell=[cell(row, usual[row["indicator_id"]]) for _, row in rows.iterrows()],
    )
    table = shaped.pivot_table(index="indicator", columns="column", values="cell", aggfunc=" ｜ ".join)
    units = shaped.drop_duplicates("indicator").set_index("indicator")["unit"].rename("单位 unit")
    return pd.concat([units, table[[columns[plan] for plan in plans["plan_id"]]]], axis=1).fillna("")


def _empty(literal) -> bool:
    return literal is None or pd.isna(literal) or literal in EMPTY


def _shown(literal: str | None) -> str:
    return "—" if _empty(literal) else literal
