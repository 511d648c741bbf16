"""Topics on the comparison page: the topic × plan matrix and one topic's measures side by side.

Needs ``(:Measure)-[:ABOUT]->(:Topic)`` and ``SIMILAR_TO``; says so plainly on a build without them.
"""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.markdown import escape

TOPICS = "MATCH (t:Topic) RETURN t.id AS id, t.name AS name, t.name_en AS name_en, t.parent AS parent ORDER BY id"
SIMILAR = """
MATCH (a:Measure)-[s:SIMILAR_TO]-(b:Measure)<-[:HAS_MEASURE]-(p:Plan) WHERE a.id IN $ids AND s.status = 'counterpart'
RETURN a.id AS measure_id, b.id AS other, p.region AS region, s.score AS score ORDER BY score DESC
"""
LEVELS = {"city": "市 city", "county": "县 county", "province": "省 province"}
DEFAULT_TOPIC = "topic/air"
SHOWN_TEXT = 110
MAX_SIDE_BY_SIDE = 6
"""Plans shown side by side at once (the first ones by default); a larger corpus picks which."""


def topic_options(topics: pd.DataFrame) -> dict[str, str]:
    """Topic id → label, each top topic followed by its sub-topics (indented)."""
    options = {}
    for top in topics[topics["parent"].isna()].itertuples():
        options[top.id] = f"{top.name} {top.name_en}"
        for sub in topics[topics["parent"] == top.id].itertuples():
            options[sub.id] = f"　└ {sub.name} {sub.name_en}"
    return options


def render() -> None:
    """The topic matrix and the side-by-side measures, or a plain note when the build has no topics."""
    st.subheader(t("topic_matrix"))
    if not data.has("Topic"):
        st.info(t("no_topics"))
        return
    level = state.bound(
        st.segmented_control, t("level"), list(LEVELS), "level", "city", format_func=LEVELS.get, required=True
    )
    counts = data.run_named("topic_city_matrix", level=level)
    if counts.empty:
        st.caption("这一层级没有规划的任务有主题 / No plan of this level has measures with topics.")
    else:
        matrix = counts.assign(topic=counts["topic"] + " " + counts["topic_en"]).pivot_table(
            index="topic", columns="region", values="measures", aggfunc="sum", fill_value=0
        )
        st.dataframe(matrix, width="stretch")
        st.caption(
            "各规划切分任务的粗细不同，比较占比或阅读任务本身，不要只比数量。 / Plans cut their measures differently: "
            "compare shares or read the measures, not raw counts."
        )
    _side_by_side()


def _side_by_side() -> None:
    st.subheader(t("side_by_side"))
    options = topic_options(data.cypher(TOPICS))
    topic = state.bound(st.selectbox, t("topic"), list(options), "topic", DEFAULT_TOPIC, format_func=options.get)
    main_only = st.toggle("只看主要主题 / Main topic only", value=False, key="main_only")
    rows = data.run_named("topic_measures", topic=topic)
    if main_only:
        rows = rows[rows["main_topic"].astype(bool)]
    if rows.empty:
        st.caption("没有任务 / No measure.")
        return
    everyone = rows.drop_duplicates("plan")
    names = dict(zip(everyone["plan"], everyone["region"] + " · " + everyone["plan"], strict=True))
    chosen = st.multiselect(
        "并列的规划 / Plans side by side",
        list(names),
        default=list(names)[:MAX_SIDE_BY_SIDE],
        max_selections=MAX_SIDE_BY_SIDE,
        format_func=names.get,
        key=f"side_plans:{topic}:{main_only}",
    )
    rows = rows[rows["plan"].isin(chosen)]
    if rows.empty:
        return
    similar = data.cypher(SIMILAR, ids=rows["measure_id"].tolist())
    plans = rows.drop_duplicates("plan")[["region", "plan"]]
    with st.container(height=720):
        for column, plan in zip(st.columns(len(plans)), plans.itertuples(), strict=True):
            mine = rows[rows["plan"] == plan.plan]
            cards = [
                _measure_card(measure, similar[similar["measure_id"] == measure.measure_id])
                for measure in mine.itertuples()
            ]
            column.markdown(
                f"**{escape(plan.region)}** · {escape(plan.plan)} ({len(mine)})\n\n---\n\n" + "".join(cards)
            )


def _measure_card(measure, similar: pd.DataFrame) -> str:
    text = measure.measure if len(measure.measure) <= SHOWN_TEXT else measure.measure[:SHOWN_TEXT] + "…"
    link = state.link("sources", id=measure.measure_id)
    lines = [f"[`{measure.measure_id.rsplit('/', 1)[-1]}`]({link}) {escape(text)}"]
    lines += [
        f"≈ {other.region} [`{other.other.rsplit('/', 1)[-1]}`]({state.link('sources', id=other.other)}) {other.score:.2f}"
        for other in similar.itertuples()
    ]
    return "  \n".join(lines) + "\n\n---\n\n"
