"""Departments: pick a body by name or alias, see every measure it leads or supports, and its peers elsewhere."""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t

DEFAULT = "邯郸市生态环境局"
ROLES = {"lead": "牵头 lead", "support": "配合 support", "responsible": "负责 responsible"}
ROLE_MEANING = (
    "**牵头 lead**：条款写“牵头”（如“（市生态环境局牵头负责）”），对任务负总责；**配合 support**：写“配合单位”；"
    "**负责 responsible**：条款只写“责任单位：…”，不分牵头与配合。计数为 0 是因为规划没有这种写法："
    "本语料中没有规划写“配合”，邢台、衡水规划不列责任单位。 / **lead**: the clause says 牵头 (answers for the "
    "task); **support**: named as 配合单位; **responsible**: the clause lists 责任单位 without lead or support. "
    "A count of 0 means the plan does not write it so: no plan of this corpus writes 配合, and the Xingtai and "
    "Hengshui plans name no units."
)
NO_TOPIC = "（无主题 no topic）"


def label(body: pd.Series) -> str:
    """What the picker shows and searches: name, the aliases as written, the measure count."""
    aliases = "、".join(alias for alias in body["aliases"] if alias != body["name"])
    return f"{body['name']}（{aliases}）· {body['measures']}" if aliases else f"{body['name']} · {body['measures']}"


def render() -> None:
    """The departments page."""
    st.header(t("departments"))
    bodies = data.run_named("departments").set_index("name", drop=False)
    names = bodies.index.tolist()
    name = state.bound(
        st.selectbox, t("department"), names, "department", DEFAULT, format_func=lambda name: label(bodies.loc[name])
    )
    body = bodies.loc[name]
    st.caption(
        f"类别 kind: **{body['kind']}** · 职能 function: {body['function']} · 层级 level: {body['level']} · "
        f"{body['category']} · 所属 government: {body['government']}"
    )
    rows = data.run_named("department_measures", department=name)
    counts = rows["role"].value_counts()
    metrics = {"任务 measures": len(rows), **{ROLES[role]: int(counts.get(role, 0)) for role in ROLES}}
    metrics["由范围声明推出 implied"] = int(rows["implied"].fillna(False).astype(bool).sum())
    for column, (title, value) in zip(st.columns(len(metrics)), metrics.items(), strict=True):
        column.metric(title, value)
    st.caption(ROLE_MEANING)
    if rows.empty:
        st.info("这个部门没有被指定负责任何任务 / No measure names this body.")
    else:
        role = state.bound(
            st.segmented_control, "按角色筛选 / Filter by role", ["all", *ROLES], "role", "all",
            format_func=lambda key: ROLES.get(key, "全部 all"), required=True,
        )  # fmt: skip
        _measures(rows if role == "all" else rows[rows["role"] == role])
    _co_responsible(name)
    _peers(body)


def _measures(rows: pd.DataFrame) -> None:
    rows = rows.assign(
        role=rows["role"].map(ROLES),
        source=[state.link("sources", id=measure) for measure in rows["measure_id"]],
    )
    groups = {"plan": "规划 plan"}
    if data.has("Topic"):
        topics = (
            data.run_named("main_topics", ids=rows["measure_id"].tolist()).groupby("measure_id")["topic"].agg("、".join)
        )
        rows = rows.assign(topic=rows["measure_id"].map(topics).fillna(NO_TOPIC))
        groups["topic"] = "主题 topic"
    by = st.segmented_control(
        t("group_by"), list(groups), default="plan", format_func=groups.get, key="group_by", required=True
    )
    shown = [
        column
        for column in ("source", "measure", "role", "topic", "section", "implied", "clause", "measure_id")
        if column in rows
    ]
    for group, part in rows.groupby(by, sort=True):
        with st.expander(f"{group} ({len(part)})", expanded=True):
            st.dataframe(
                part[shown],
                hide_index=True,
                width="stretch",
                column_config={
                    "source": st.column_config.LinkColumn(t("source"), display_text="原文 ↗", width="small"),
                    "measure_id": "id",
                    "section": "章节 section",
                    "role": "角色 role",
                    "implied": "推出 implied",
                    "topic": "主题 topic",
                    "measure": st.column_config.TextColumn("任务 measure", width="large"),
                    "clause": "责任条款 clause",
                },
            )


def _co_responsible(name: str) -> None:
    shared = data.run_named("co_responsible", department=name)
    st.subheader("共同负责的部门 / Bodies named on the same measures")
    if shared.empty:
        st.caption("没有其他部门与它同列于一项任务 / No other body is named on its measures.")
        return
    st.dataframe(
        shared.assign(link=[state.link("departments", department=other) for other in shared["department"]]),
        hide_index=True,
        width="stretch",
        column_config={
            "department": "部门 body",
            "category": "类别 category",
            "shared": st.column_config.NumberColumn("共同任务 measures shared"),
            "it_supports": st.column_config.NumberColumn("本部门牵头、它配合 it supports this body"),
            "it_leads": st.column_config.NumberColumn("它牵头、本部门配合 it leads, this body supports"),
            "link": st.column_config.LinkColumn("↗", display_text="↗", width="small"),
        },
    )


def _peers(body: pd.Series) -> None:
    peers = data.run_named("departments_by_function", function=body["function"])
    peers = peers[peers["department"] != body["name"]]
    st.subheader(t("same_kind"))
    if peers.empty:
        st.caption("没有其他同职能部门 / No other body of this function.")
        return
    st.caption(
        f"职能 function = {body['function']}（厅与局、名称不同的同职能部门对齐，如建设局与住房和城乡建设局 / "
        "the province's 厅 lines up with the 局, and bodies named differently with theirs: 建设局 ↔ 住房和城乡建设局）"
    )
    for column, peer in zip(st.columns(min(len(peers), 4)) * len(peers), peers.itertuples(), strict=False):
        column.button(
            f"{peer.department} · {peer.measures}",
            key=f"peer-{peer.department}",
            on_click=state.go,
            args=("departments",),
            kwargs={"department": peer.department},
            width="stretch",
        )
