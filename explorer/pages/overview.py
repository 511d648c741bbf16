"""Overview: plans by level and region (province → city → county), what each holds, the build and its warnings."""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.report import read_report

TOTALS = {
    "plans": "Plan",
    "measures": "Measure",
    "departments": "Department",
    "indicators": "Indicator",
    "projects": "Project",
    "topics": "Topic",
}
LEVELS = ("province", "city", "county")


def with_hierarchy(plans: pd.DataFrame, parents: pd.DataFrame) -> pd.DataFrame:
    """``plans`` with ``province``, ``city`` and ``county`` columns, walking PART_OF up from each plan's region."""
    above = {row.id: (row.up, row.name, row.level) for row in parents.itertuples()}
    columns: dict[str, list] = {level: [] for level in LEVELS}
    for region_id, name, level in zip(plans["region_id"], plans["region"], plans["level"], strict=True):
        names = {level: name}
        while region_id in above:
            region_id, up_name, up_level = above[region_id]
            names[up_level] = up_name
        for key in LEVELS:
            columns[key].append(names.get(key, ""))
    return plans.assign(**columns).sort_values([*LEVELS, "plan_id"])


def render() -> None:
    """Totals, the plan tree with counts, the build date and the build report's warnings."""
    st.header(t("overview"))
    directory = data.build_directory()
    when = data.built_at(directory)
    st.caption(
        f"{t('build')}: **{when:%Y-%m-%d %H:%M:%S}** · `{directory}`" if when else f"{t('build')}: `{directory}`"
    )
    counts = data.run_named("label_counts").set_index("label")["nodes"]
    present = {key: label for key, label in TOTALS.items() if counts.get(label, 0)}
    for column, (key, label) in zip(st.columns(len(present)), present.items(), strict=True):
        column.metric(t(key), int(counts[label]))

    st.subheader(t("plans"))
    plans = with_hierarchy(data.run_named("plan_overview"), data.run_named("region_parents"))
    plans = plans.assign(graph=[state.link("graph", node=plan) for plan in plans["plan_id"]])
    st.dataframe(
        plans[
            [
                "province",
                "city",
                "county",
                "title",
                "kind",
                "doc_number",
                "issued",
                "measures",
                "departments",
                "indicators",
                "projects",
                "graph",
            ]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "province": "省 province",
            "city": "市 city",
            "county": "县 county",
            "title": st.column_config.TextColumn("规划 plan", width="large"),
            "kind": "类型 kind",
            "doc_number": "文号 number",
            "issued": "印发 issued",
            "measures": st.column_config.NumberColumn("任务 measures"),
            "departments": st.column_config.NumberColumn("部门 bodies"),
            "indicators": st.column_config.NumberColumn("指标 indicators"),
            "projects": st.column_config.NumberColumn("工程 projects"),
            "graph": st.column_config.LinkColumn("图谱 graph", display_text="↗"),
        },
    )
    _warnings(directory)


def _warnings(directory) -> None:
    text, report = data.report_text(directory), data.report(directory)
    if text is None or report is None:
        st.info("这个构建没有 report.json / This build has no report.json")
        return
    found = read_report(report)
    st.subheader(f"构建提示 / Build warnings ({found.count})")
    st.caption(found.summary)
    if found.problems:
        st.dataframe(
            pd.DataFrame(found.problems, columns=["位置 where", "级别 severity", "说明 message"]),
            hide_index=True,
            width="stretch",
        )
    for title, items in found.sections.items():
        with st.expander(f"{title}: {len(items)}", expanded=bool(items)):
            st.text("\n".join(items) or "—")
    with st.expander("完整构建报告 / Full build report"):
        st.code(text, language=None)
