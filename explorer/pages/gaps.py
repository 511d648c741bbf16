"""What one plan does that another does not: its measures with no counterpart there, none found apart from uncertain."""

import pandas as pd
import streamlit as st

from explorer import data, state
from explorer.i18n import t
from queries.compare import ordered_plans

VERDICTS = {
    "none found": "未找到对应 / None found: nothing in the other plan comes near",
    "uncertain": "存疑 / Uncertain: only near misses, read them before counting a gap",
}


def render(plan_ids: list[str]) -> None:
    """Pick the plan (``?plan=``) and the other (``?other=``) among ``plan_ids``; list the gaps of the first."""
    if not data.has("Topic"):
        st.info(t("no_topics"))
        return
    if len(plan_ids) < 2:
        st.info("请至少选择两个规划 / Pick at least two plans.")
        return
    plans = ordered_plans(data.plans()[lambda frame: frame["plan_id"].isin(plan_ids)])
    names = dict(zip(plans["plan_id"], plans["region"] + " · " + plans["title"], strict=True))
    left, right = st.columns(2)
    plan = state.bound(
        left.selectbox, "这个规划做了 / What this plan does", plan_ids, "plan", plan_ids[0], format_func=names.get
    )
    others = [other for other in names if other != plan]
    other = state.bound(
        right.selectbox, "……而这个没有 / …that this one does not", others, "other", others[0], format_func=names.get
    )
    rows = data.run_named("measure_gaps", plan=plan, other=other, topic="")
    rows = rows.assign(
        source=[state.link("sources", id=measure) for measure in rows["measure_id"]],
        near=[
            "、".join(f"{near.rsplit('/', 1)[-1]} ({score:.2f})" for near, score in zip(misses, scores, strict=True))
            for misses, scores in zip(rows["near_misses"], rows["near_scores"], strict=True)
        ],
    )
    st.caption(
        f"{names[plan]} 的任务中，{names[other]} 没有对应任务（SIMILAR_TO counterpart）的 {len(rows)} 条 / "
        f"{len(rows)} measures with no counterpart in the other plan"
    )
    for verdict, title in VERDICTS.items():
        part = rows[rows["verdict"] == verdict]
        st.subheader(f"{title} ({len(part)})")
        st.dataframe(
            part[["source", "section", "measure", "near", "measure_id"]],
            hide_index=True,
            width="stretch",
            column_config={
                "source": st.column_config.LinkColumn(t("source"), display_text="原文 ↗", width="small"),
                "section": "章节 section",
                "measure": st.column_config.TextColumn("任务 measure", width="large"),
                "near": "相近 near misses (score)",
                "measure_id": "id",
            },
        )
    st.download_button(
        f"{t('download')} CSV",
        _export(rows),
        file_name="plankg-gaps.csv",
        mime="text/csv",
        on_click="ignore",
    )


def _export(rows: pd.DataFrame) -> str:
    return rows[
        ["verdict", "measure_id", "section", "measure", "near", "source_file", "line_start", "line_end"]
    ].to_csv(index=False)
