"""Departments: pick a body by name or alias, see every measure it leads or supports, and its peers elsewhere."""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t

BODIES = """
MATCH (d:Department)-[:BELONGS_TO]->(g:Region)
OPTIONAL MATCH (d)-[r:RESPONSIBLE_FOR]->(:Measure)
RETURN d.name AS name, d.kind AS kind, d.function AS function, d.level AS level, d.category AS category,
       d.aliases AS aliases, g.name AS government, count(r) AS measures
ORDER BY measures DESC, name
"""
MAIN_TOPICS = """
MATCH (m:Measure)-[a:ABOUT]->(t:Topic) WHERE m.id IN $ids AND t.parent IS NULL AND a.main
RETURN m.id AS measure_id, t.name AS topic ORDER BY topic
"""
DEFAULT = "邯郸市生态环境局"
ROLES = {"lead": "牵头 lead", "support": "配合 support", "responsible": "负责 responsible"}
NO_TOPIC = "（无主题 no topic）"


def label(body: pd.Series) -> str:
    """What the picker shows and searches: name, the aliases as written, the measure count."""
    aliases = "、".join(alias for alias in body["aliases"] if alias != body["name"])
    return f"{body['name']}（{aliases}）· {body['measures']}" if aliases else f"{body['name']} · {body['measures']}"


def render() -> None:
    """The departments page."""
    st.header(t("departments"))
    bodies = data.cypher(BODIES).set_index("name", drop=False)
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
    if rows.empty:
        st.info("这个部门没有被指定负责任何任务 / No measure names this body.")
    else:
        _measures(rows)
    _peers(body)


def _measures(rows: pd.DataFrame) -> None:
    rows = rows.assign(
        role=rows["role"].map(ROLES),
        source=[state.link("sources", id=measure) for measure in rows["measure_id"]],
    )
    groups = {"plan": "规划 plan"}
    if data.has("Topic"):
        topics = data.cypher(MAIN_TOPICS, ids=rows["measure_id"].tolist()).groupby("measure_id")["topic"].agg("、".join)
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
