"""Topics on the comparison page: each plan's share of measures per topic, and one topic's measures side by side.

Needs ``(:Measure)-[:ABOUT]->(:Topic)`` and ``SIMILAR_TO``; says so plainly on a build without them.
"""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from explorer.markdown import escape
from queries.compare import ordered_plans, plan_columns

DEFAULT_TOPIC = "topic/air"
SHOWN_TEXT = 110


def shares(counts: pd.DataFrame, totals: pd.Series, columns: dict[str, str]) -> pd.DataFrame:
    """Topic × plan: the share (%) of each plan's measures about each topic, each top topic followed by its sub-topics."""
    table = counts.pivot_table(index="topic_id", columns="plan_id", values="measures", aggfunc="sum", fill_value=0)
    ordered = [plan for plan in columns if plan in table.columns]
    table = (table[ordered] / totals[ordered] * 100).astype(float).round(1).rename(columns=columns)
    about = counts.drop_duplicates("topic_id").set_index("topic_id")
    rows = []
    for top in about[about["parent"].isna()].index:
        rows += [top, *about[about["parent"] == top].index]
    names = {
        topic: ("　└ " if pd.notna(about.loc[topic, "parent"]) else "") + about.loc[topic, "topic"] for topic in rows
    }
    return table.loc[rows].rename(index=names).rename_axis("主题 topic")


def render(plan_ids: list[str]) -> None:
    """The side-by-side measures of one topic (``?topic=``, ``?subtopic=``) and the topic shares of ``plan_ids``."""
    if not data.has("Topic"):
        st.info(t("no_topics"))
        return
    plans = ordered_plans(data.plans()[lambda frame: frame["plan_id"].isin(plan_ids)])
    columns = plan_columns(plans)
    topics = data.run_named("topics").set_index("id")
    tops = topics[topics["parent"].isna()]
    top = state.bound(st.pills, t("topic"), list(tops.index), "topic", DEFAULT_TOPIC, format_func=tops["name"].get)
    top = top or DEFAULT_TOPIC
    subs = topics[topics["parent"] == top]
    sub = state.bound(
        st.selectbox, "子主题 / Sub-topic", list(subs.index), "subtopic", None, index=None,
        format_func=lambda key: f"{subs.loc[key, 'name']} {subs.loc[key, 'name_en']}", placeholder="全部 / all of it",
    )  # fmt: skip
    topic = sub or top
    _side_by_side(topic, f"{topics.loc[topic, 'name']} {topics.loc[topic, 'name_en']}", plans)
    _shares(plan_ids, columns)


def _side_by_side(topic: str, name: str, plans: pd.DataFrame) -> None:
    st.subheader(f"{t('side_by_side')} · {name}")
    main_only = st.toggle("只看主要主题 / Main topic only", value=False, key="main_only")
    rows = data.run_named("topic_measures", topic=topic)
    titles = dict(zip(plans["title"], plans["plan_id"], strict=True))
    rows = rows[rows["plan"].isin(titles)].assign(plan_id=lambda frame: frame["plan"].map(titles))
    if main_only:
        rows = rows[rows["main_topic"].astype(bool)]
    if rows.empty:
        st.caption("这些规划没有这个主题的任务 / None of these plans has a measure of this topic.")
        return
    links = data.run_named("measure_counterparts", ids=rows["measure_id"].tolist())
    links = links[links["plan_id"].isin(plans["plan_id"])]
    with st.container(height=760):
        for column, plan in zip(st.columns(len(plans)), plans.itertuples(), strict=True):
            mine = rows[rows["plan_id"] == plan.plan_id]
            cards = [_card(measure, links[links["measure_id"] == measure.measure_id]) for measure in mine.itertuples()]
            column.markdown(
                f"**{escape(plan.region)}** · {escape(plan.title)} ({len(mine)})\n\n---\n\n" + "".join(cards)
            )
    export = rows.assign(
        counterparts=rows["measure_id"].map(
            links.groupby("measure_id").apply(
                lambda part: "；".join(
                    f"{r} {o} ({s:.2f})" for r, o, s in zip(part["region"], part["other"], part["score"], strict=True)
                )
            )
        )
    )
    st.download_button(
        f"{t('download')} CSV",
        export[
            [
                "region",
                "plan",
                "measure_id",
                "measure",
                "main_topic",
                "bodies",
                "counterparts",
                "source_file",
                "line_start",
            ]
        ].to_csv(index=False),
        file_name=f"plankg-{topic.replace('/', '_')}.csv",
        mime="text/csv",
        on_click="ignore",
    )


def _card(measure, links: pd.DataFrame) -> str:
    text = measure.measure if len(measure.measure) <= SHOWN_TEXT else measure.measure[:SHOWN_TEXT] + "…"
    lines = [
        f"[`{measure.measure_id.rsplit('/', 1)[-1]}`]({state.link('sources', id=measure.measure_id)}) {escape(text)}"
    ]
    lines += [
        f"≈ [{escape(other.region)}《{escape(other.plan)}》{other.other.rsplit('/', 1)[-1]}]({state.link('sources', id=other.other)}) {other.score:.2f}"
        for other in links.itertuples()
    ]
    return "  \n".join(lines) + "\n\n---\n\n"


def _shares(plan_ids: list[str], columns: dict[str, str]) -> None:
    st.subheader(t("topic_matrix"))
    counts = data.run_named("topic_measures_by_plan", plans=plan_ids)
    totals = data.run_named("plan_measures", plans=plan_ids).groupby("plan_id").size()
    table = shares(counts, totals, columns)
    st.dataframe(table.style.format("{:.1f}%"), width="stretch", height=36 * (len(table) + 1) + 2)
    st.caption(
        "每个规划中关于该主题的任务占比（%，一个任务可有几个主题）。各规划切分任务的粗细不同，比较占比并阅读任务本身。 / "
        "Share of each plan's measures about the topic (%; a measure may have several topics). Plans cut their "
        "measures differently: compare shares and read the measures."
    )
    st.download_button(
        f"{t('download')} CSV",
        table.to_csv(),
        file_name="plankg-topic-shares.csv",
        mime="text/csv",
        on_click="ignore",
        key="shares_csv",
    )
