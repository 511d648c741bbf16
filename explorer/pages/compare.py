"""Compare cities: the indicator matrix, one indicator's targets as a chart, then topics (compare_topics)."""

import altair as alt
import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.excerpt import span_text
from explorer.i18n import t
from explorer.matrix import MARK, indicator_matrix, plan_columns
from explorer.pages import compare_topics

YEARS = (
    "MATCH (:Plan)-[t:TARGETS|REPORTS_PROGRESS]->(:Indicator) RETURN DISTINCT t.target_year AS year ORDER BY year"
)
TARGET_SOURCES = """
MATCH (p:Plan)-[t:TARGETS|REPORTS_PROGRESS]->(i:Indicator) WHERE i.id = $indicator AND t.target_year = $year
RETURN p.title AS plan, t.name_as_written AS as_written, t.scope AS scope, t.source_file AS source_file,
       t.line_start AS line_start, t.line_end AS line_end
"""
DEFAULT_YEAR = 2025
DEFAULT_INDICATOR = "indicator/pm25"
MAX_PLANS = 24
"""Plan columns in the matrix at once; a larger corpus picks which (the first ones by default)."""


def render() -> None:
    """The comparison page."""
    st.header(t("compare"))
    years = [int(year) for year in data.cypher(YEARS)["year"].dropna()]
    if not years:
        st.info("这个构建没有指标目标 / This build has no indicator targets.")
    else:
        year = state.bound(
            st.columns(4)[0].selectbox, t("year"), years, "year", DEFAULT_YEAR if DEFAULT_YEAR in years else years[-1]
        )
        _indicators(year)
    compare_topics.render()


def _indicators(year: int) -> None:
    rows = data.run_named("indicator_matrix", year=year)
    plans = _chosen_plans(data.plans(), rows)
    rows = rows[rows["plan_id"].isin(plans["plan_id"])]
    st.subheader(f"指标矩阵 / Indicator matrix ({year})")
    matrix = indicator_matrix(rows, plans)
    st.dataframe(
        matrix,
        width="stretch",
        height=min(36 * (len(matrix) + 1) + 2, 720),
        column_config={column: st.column_config.TextColumn(column, width="medium") for column in matrix.columns[1:]},
    )
    st.caption(
        "单元格：基期值 → 目标值（属性），照原文；完成情况表的一行为“目标 · 实际 · 完成（是否完成目标）”；"
        f"［累计］为五年累计值；〔〕为范围。{MARK.strip()} 目标不是数字或范围与本行多数不同，不能直接比较。 / "
        "Cells: baseline → target (attribute) as printed; a row of a completion table reads target · achieved "
        "(实际) · met (完成 是/否); ［累计］ five-year cumulative; 〔〕 scope when not the whole area. "
        f"{MARK.strip()} the target is not a number, or the scope differs from the row's: not directly comparable."
    )
    names = rows.drop_duplicates("indicator_id").set_index("indicator_id")["indicator"].to_dict()
    options = sorted(names, key=names.get)
    indicator = state.bound(
        st.columns([2, 1])[0].selectbox, t("indicator"), options, "indicator", DEFAULT_INDICATOR, format_func=names.get
    )
    chosen = rows[rows["indicator_id"] == indicator]
    _chart(chosen, plan_columns(plans), year)
    across = data.run_named("indicator_across_plans", indicator=indicator, year=year)
    sources = data.cypher(TARGET_SOURCES, indicator=indicator, year=year)
    across = across.merge(sources, on=["plan", "as_written", "scope"], how="left")
    across["source"] = [
        state.link("sources", id=span_text(*where)) if isinstance(where[0], str) else None
        for where in zip(across["source_file"], across["line_start"], across["line_end"], strict=True)
    ]
    st.dataframe(
        across.drop(columns=["source_file", "line_start", "line_end"]),
        hide_index=True,
        width="stretch",
        column_config={"source": st.column_config.LinkColumn(t("source"), display_text="原文 ↗")},
    )


def _chosen_plans(plans: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """The plans with targets that the matrix and chart show: all of them, or ``MAX_PLANS`` picked in a list."""
    plans = plans[plans["plan_id"].isin(rows["plan_id"])]
    if len(plans) <= MAX_PLANS:
        return plans
    names = dict(zip(plans["plan_id"], plans["region"] + " · " + plans["title"], strict=True))
    chosen = st.multiselect(
        f"比较的规划（最多 {MAX_PLANS} 个）/ Plans to compare (at most {MAX_PLANS})",
        list(names),
        default=list(names)[:MAX_PLANS],
        max_selections=MAX_PLANS,
        format_func=names.get,
        key="matrix_plans",
    )
    return plans[plans["plan_id"].isin(chosen)]


def _chart(rows: pd.DataFrame, columns: dict[str, str], year: int) -> None:
    numeric = rows[rows["target_value"].notna()]
    if numeric.empty:
        st.caption("没有数字目标可画 / No numeric target to chart; the targets are shown as written below.")
        return
    unit = numeric["unit"].dropna().iloc[0] if numeric["unit"].notna().any() else ""
    shown = numeric.assign(
        plan=[
            f"{columns[plan]}〔{scope or '—'}〕"
            for plan, scope in zip(numeric["plan_id"], numeric["scope"], strict=True)
        ],
        value=numeric["target_value"].astype(float),
    )
    base = alt.Chart(shown).encode(
        y=alt.Y("plan:N", sort="x", title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X("value:Q", title=f"{rows['indicator'].iloc[0]} · {year} 目标 target ({unit})"),
        tooltip=["plan", "as_written", "baseline", "target", "achieved", "met", "attribute", "value"],
    )
    bars = base.mark_bar().encode(color=alt.Color("scope:N", title="范围 scope"))
    labels = base.mark_text(align="left", dx=4).encode(text="target:N")
    st.altair_chart((bars + labels).properties(height=36 * len(shown) + 40), width="stretch")
