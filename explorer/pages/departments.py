"""Departments: pick a body, see every measure it leads or supports, and its peers elsewhere."""

import streamlit as st

from explorer import data, state
from explorer.i18n import t

BODIES = "MATCH (d:Department) RETURN d.name AS name, d.kind AS kind, d.function AS function, d.aliases AS aliases ORDER BY name"
PEERS = "MATCH (d:Department) WHERE d.function = $function AND d.name <> $name RETURN d.name AS name ORDER BY name"


def render() -> None:
    """The departments page."""
    st.header(t("departments"))
    bodies = data.cypher(BODIES)
    typed = st.text_input(t("search"), value="")
    matches = bodies[
        bodies["name"].str.contains(typed, regex=False)
        | bodies["aliases"].map(lambda aliases: any(typed in alias for alias in aliases))
    ]
    names = matches["name"].tolist() or bodies["name"].tolist()
    chosen = state.get("department", "邯郸市生态环境局")
    name = st.selectbox(t("department"), names, index=names.index(chosen) if chosen in names else 0)
    state.put(department=name)
    body = bodies.set_index("name").loc[name]
    st.caption(f"kind 类别: {body['kind']} · aliases 简称: {'、'.join(body['aliases'])}")
    rows = data.run_named("department_measures", department=name)
    leads = int((rows["role"] == "lead").sum())
    st.metric(f"{t('measures')}", len(rows), help=f"lead 牵头 {leads}")
    st.write(
        f"牵头 lead: **{leads}** · 配合 support: **{int((rows['role'] == 'support').sum())}** · 负责 responsible: **{int((rows['role'] == 'responsible').sum())}**"
    )
    for plan, group in rows.groupby("plan", sort=False):
        with st.expander(f"{plan} ({len(group)})", expanded=True):
            st.dataframe(
                group[["measure_id", "section", "role", "implied", "measure"]], hide_index=True, width="stretch"
            )
    peers = data.cypher(PEERS, function=body["function"], name=name)
    if not peers.empty:
        st.subheader(t("same_kind"))
        for peer in peers["name"]:
            st.link_button(peer, f"?page=departments&department={peer}")
