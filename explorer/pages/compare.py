"""Compare plans: indicators (grouped by the plans' categories), topics side by side, and gaps, for chosen plans.

The plans compared (``?plans=``, the city plans by default) and the view (``?view=``) live in the URL.
"""

import altair as alt
import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.pages import compare_topics, gaps
from queries.compare import MARK, indicator_matrix, indicator_values, ordered_plans, plan_columns, shared
from queries.sources import span_text
from queries.workbook import comparison, workbook_bytes

DEFAULT_YEAR = 2025
DEFAULT_INDICATOR = "indicator/pm25"
VIEWS = {"indicators": "指标 indicators", "topics": "主题 topics", "gaps": "差异 what one does, the other not"}
DEFAULT_PLANS = 6
"""City plans compared when the URL names none: all of them in this corpus (3), the first 6 of a larger one."""
MAX_PLANS = 12
"""Plans compared at once, so the matrix and the side-by-side columns stay readable."""
ROWS = {"shared": "共有指标 shared by all", "all": "全部指标 all"}


def chosen_plans() -> list[str]:
    """The plans compared (``?plans=``): the city plans unless the URL names others."""
    plans = ordered_plans(data.plans())
    names = dict(zip(plans["plan_id"], plans["region"] + " · " + plans["title"], strict=True))
    cities = plans[plans["level"] == "city"]["plan_id"].tolist()[:DEFAULT_PLANS]
    return state.bound_many(
        st.multiselect,
        f"比较的规划（最多 {MAX_PLANS} 个）/ Plans compared (at most {MAX_PLANS})",
        list(names),
        "plans",
        cities,
        format_func=names.get,
        max_selections=MAX_PLANS,
    )


def render() -> None:
    """The comparison page."""
    st.header(t("compare"))
    plan_ids = chosen_plans()
    view = state.bound(
        st.segmented_control, "视图 / View", list(VIEWS), "view", "indicators", format_func=VIEWS.get, required=True
    )
    if not plan_ids:
        st.info("请选择要比较的规划 / Pick the plans to compare.")
        return
    if view == "indicators":
        _indicators(plan_ids)
    elif view == "topics":
        compare_topics.render(plan_ids)
    else:
        gaps.render(plan_ids)


def _indicators(plan_ids: list[str]) -> None:
    years = [int(year) for year in data.run_named("target_years")["year"].dropna()]
    if not years:
        st.info("这个构建没有指标目标 / This build has no indicator targets.")
        return
    left, middle, right = st.columns([1, 2, 2])
    year = state.bound(left.selectbox, t("year"), years, "year", DEFAULT_YEAR if DEFAULT_YEAR in years else years[-1])
    which = state.bound(
        middle.segmented_control, "指标 / Rows", list(ROWS), "rows", "shared", format_func=ROWS.get, required=True
    )
    rows = data.run_named("indicator_matrix", year=year)
    rows = shared(rows, plan_ids) if which == "shared" else rows[rows["plan_id"].isin(plan_ids)]
    right.download_button(
        "下载对比工作簿 / Comparison workbook (.xlsx)",
        _workbook(tuple(plan_ids), year),
        file_name="plankg-comparison.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        on_click="ignore",
    )
    if rows.empty:
        st.info("这些规划没有共有的指标 / These plans share no indicator for this year.")
        return
    plans = data.plans()
    matrix = indicator_matrix(rows, plans[plans["plan_id"].isin(plan_ids)])
    st.subheader(f"指标 / Indicators ({year}) · {len(matrix)}")
    for category, part in matrix.groupby("类别 category", sort=False):
        st.markdown(f"**{category}** ({len(part)})")
        st.table(part.drop(columns="类别 category"))
    st.caption(
        "单元格：基期值 → 目标值（属性），照原文；完成情况表的一行为“目标 · 实际 · 完成（是否完成目标）”；"
        f"［累计］为五年累计值；〔〕为范围。{MARK.strip()} 目标不是数字或范围与本行多数不同，不能直接比较。 / "
        "Cells: baseline → target (attribute) as printed; a row of a completion table reads target · achieved "
        "(实际) · met (完成 是/否); ［累计］ five-year cumulative; 〔〕 scope when not the whole area. "
        f"{MARK.strip()} the target is not a number, or the scope differs from the row's: not directly comparable."
    )
    st.download_button(
        f"{t('download')} CSV（数值 numeric: baseline, target, change, attribute）",
        indicator_values(rows).to_csv(index=False),
        file_name=f"plankg-indicators-{year}.csv",
        mime="text/csv",
        on_click="ignore",
    )
    _one_indicator(rows, plans, year)


@st.cache_data(show_spinner=False, max_entries=32)
def _workbook(plan_ids: tuple[str, ...], year: int) -> bytes:
    return workbook_bytes(comparison(data.run_named, list(plan_ids), year))


def _one_indicator(rows: pd.DataFrame, plans: pd.DataFrame, year: int) -> None:
    names = rows.drop_duplicates("indicator_id").set_index("indicator_id")["indicator"].to_dict()
    indicator = state.bound(
        st.columns([2, 1])[0].selectbox,
        t("indicator"),
        list(names),
        "indicator",
        DEFAULT_INDICATOR,
        format_func=names.get,
    )
    chosen = rows[rows["indicator_id"] == indicator]
    _chart(chosen, plan_columns(plans[plans["plan_id"].isin(chosen["plan_id"])]), year)
    across = data.run_named("indicator_across_plans", indicator=indicator, year=year)
    across = across[across["plan"].isin(chosen["plan"])]
    across = across.assign(
        source=[
            state.link("sources", id=span_text(*where)) if isinstance(where[0], str) else None
            for where in zip(across["source_file"], across["line_start"], across["line_end"], strict=True)
        ]
    )
    st.dataframe(
        across.drop(columns=["source_file", "line_start", "line_end"]),
        hide_index=True,
        width="stretch",
        column_config={"source": st.column_config.LinkColumn(t("source"), display_text="原文 ↗")},
    )


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
