"""Who owns this task: type a task, get the bodies by city and role with the clause and a source link."""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.markdown import escape

EXAMPLES = ("散煤", "黑臭水体", "挥发性有机物", "扬尘", "秸秆", "危险废物")
ROLES = {"lead": "牵头 lead", "support": "配合 support", "responsible": "负责 responsible"}
NONE_NAMED = "（规划未列出责任单位 / the plan names no responsible units）"


def render() -> None:
    """The owners page: ``?task=`` the words looked for, ``?city=`` the regions kept."""
    st.header(t("owners"))
    st.pills("常见任务 / Common tasks", EXAMPLES, key="example_task", on_change=_take_example)
    task = state.bound_text(st.text_input, "任务中的词 / Words of the task (e.g. 散煤)", "task", "").strip()
    if not task:
        st.info("输入任务中的词，如“散煤” / Type words of a task, such as 散煤.")
        return
    rows = data.run_named("who_owns", keyword=task)
    if rows.empty:
        st.warning(f"没有任务提到 {task!r} / No measure mentions {task!r}")
        return
    regions = sorted(rows["region"].unique())
    cities = state.bound_many(st.multiselect, "城市 / Regions", regions, "city", regions)
    rows = rows[rows["region"].isin(cities)]
    silent = set(data.plans().query("responsibilities == 0")["title"])
    table = rows.assign(
        role=rows["role"].map(ROLES).fillna(""),
        department=rows["department"].fillna(NONE_NAMED),
        source=[state.link("sources", id=measure) for measure in rows["measure_id"]],
        implied=rows["implied"].fillna(False).astype(bool),
    )
    st.caption(f"{rows['measure_id'].nunique()} 条任务 measures · {len(table)} 行 rows")
    named = set(rows.dropna(subset=["department"])["region"])
    for region in sorted(set(table["region"]), key=lambda region: (region not in named, region)):  # owners first
        part = table[table["region"] == region]
        owners = (
            part[part["department"] != NONE_NAMED]
            .groupby("role")["department"]
            .agg(lambda names: "、".join(dict.fromkeys(names)))
        )
        with st.expander(f"{region} · {part['measure_id'].nunique()} 条任务 measures", expanded=True):
            for role, names in owners.items():
                st.markdown(f"**{role}**: {escape(names)}")
            for plan in sorted(set(part["plan"]) & silent):
                st.caption(
                    f"《{plan}》没有列出责任单位，只能看任务本身 / This plan names no responsible units for any measure."
                )
            st.dataframe(
                part[["department", "role", "implied", "clause", "measure", "plan", "source"]],
                hide_index=True,
                width="stretch",
                column_config={
                    "department": "部门 body",
                    "role": "角色 role",
                    "implied": "推出 implied",
                    "clause": "责任条款 clause",
                    "measure": st.column_config.TextColumn("任务（含责任条款）measure with its clause", width="large"),
                    "plan": "规划 plan",
                    "source": st.column_config.LinkColumn(t("source"), display_text="原文 ↗", width="small"),
                },
            )
    st.download_button(
        f"{t('download')} CSV",
        _export(rows),
        file_name=f"plankg-who-{task}.csv",
        mime="text/csv",
        on_click="ignore",
    )


def _take_example() -> None:
    st.session_state["task"] = st.session_state["example_task"] or st.session_state.get("task", "")


def _export(rows: pd.DataFrame) -> str:
    return rows[
        [
            "region",
            "plan",
            "department",
            "role",
            "implied",
            "measure_id",
            "measure",
            "source_file",
            "line_start",
            "line_end",
        ]
    ].to_csv(index=False)
