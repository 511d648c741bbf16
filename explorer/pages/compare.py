"""Compare cities: the indicator matrix, one indicator across plans, topics by city."""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t


def cell(row: pd.Series) -> str:
    """``baseline → target (attribute)`` as printed; cumulative values marked."""
    text = f"{row['baseline'] or '—'} → {row['target'] or '—'}"
    if row["cumulative"] not in (None, "--", "—", ""):
        text += f" ［5年累计 {row['cumulative']}］"
    return text + (f"（{row['attribute']}）" if row["attribute"] else "")


def render() -> None:
    """The comparison page."""
    st.header(t("compare"))
    matrix = data.run_named("indicator_matrix", year=2025)
    matrix = matrix.assign(
        cell=matrix.apply(cell, axis=1), column=matrix["region"] + " · " + matrix["plan_id"].str.split("/").str[-1]
    )
    table = matrix.pivot_table(
        index="indicator", columns="region", values="cell", aggfunc=lambda cells: " ｜ ".join(cells)
    )
    st.subheader("指标矩阵 / Indicator matrix (2025)")
    st.dataframe(table, width="stretch")

    indicators = matrix.drop_duplicates("indicator_id").set_index("indicator_id")["indicator"].to_dict()
    chosen = state.get("indicator", "indicator/pm25")
    options = list(indicators)
    indicator = st.selectbox(
        t("indicator"), options, index=options.index(chosen) if chosen in options else 0, format_func=indicators.get
    )
    state.put(indicator=indicator)
    rows = data.run_named("indicator_across_plans", indicator=indicator, year=2025)
    st.dataframe(rows, hide_index=True, width="stretch")
    numeric = rows[rows["target_value"].notna()]
    if not numeric.empty:
        st.bar_chart(
            numeric.assign(plan=numeric["region"] + "（" + numeric["scope"].fillna("") + "）")
            .set_index("plan")["target_value"]
            .astype(float)
        )
    st.caption(
        "范围不同的行不直接可比 / Rows of different scope are not directly comparable; non-numeric targets are shown as written."
    )

    st.subheader(t("topic_matrix"))
    topics = data.run_named("topic_city_matrix", level="city")
    st.dataframe(topics.pivot_table(index="topic", columns="region", values="measures", fill_value=0), width="stretch")
