"""Overview: the corpus at a glance, the build and its warnings."""

import streamlit as st

from explorer import data
from explorer.i18n import t
from graph.pipeline import REPORT

COUNTS = """
MATCH (p:Plan)
OPTIONAL MATCH (p)-[:HAS_MEASURE]->(m:Measure)
RETURN p.level AS level, p.region AS region, p.title AS plan, p.kind AS kind, p.doc_number AS doc_number,
       p.issued AS issued, count(m) AS measures
ORDER BY level DESC, region, plan
"""
TOTALS = {
    "Plan": "MATCH (n:Plan) RETURN count(n) AS n",
    "Measure": "MATCH (n:Measure) RETURN count(n) AS n",
    "Department": "MATCH (n:Department) RETURN count(n) AS n",
    "Indicator": "MATCH (n:Indicator) RETURN count(n) AS n",
    "Project": "MATCH (n:Project) RETURN count(n) AS n",
}


def render() -> None:
    """Plans by level and region, totals, build date and build warnings."""
    st.header(t("overview"))
    columns = st.columns(len(TOTALS))
    for column, (label, query) in zip(columns, TOTALS.items(), strict=True):
        column.metric(label, int(data.cypher(query).loc[0, "n"]))
    st.subheader(t("plans"))
    st.dataframe(data.cypher(COUNTS), hide_index=True, width="stretch")
    build = data.build_directory()
    st.caption(f"Build 构建: `{build.name}`")
    report = build / REPORT
    if report.exists():
        warnings = [
            line for line in report.read_text(encoding="utf-8").splitlines() if line.startswith("  ") and ":" in line
        ]
        with st.expander(f"Build report 构建报告 ({len(warnings)} warnings 条提示)"):
            st.code(report.read_text(encoding="utf-8"), language=None)
