"""Similar measures across plans: hand-checked pairs on the real corpus and the scoring rules."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer

import graph.similarity as similarity
from graph.similarity import METHOD, THRESHOLD, similar_measures
from tests.graph.conftest import edges

HANDAN = "handan-eco-plan-2021-2025"
XINGTAI = "xingtai-eco-plan-2021-2025"
HENGSHUI = "hengshui-eco-plan-2021-2025"
NINGJIN_ECO = "ningjin-gazette-2023-01/4"
ELDERLY_CARE = "ningjin-gazette-2023-01/1"


@pytest.fixture(scope="module")
def graph(built):
    """The built graph: the build adds topics and similar-measure links."""
    return built.graph


@pytest.fixture(scope="module")
def plan_of(graph) -> dict[str, str]:
    return {m: p for p, m, _ in edges(graph, "HAS_MEASURE") if graph.nodes[p]["label"] == "Plan"}


def link(graph, one: str, other: str) -> dict | None:
    """The SIMILAR_TO edge between two measures, whichever way it points."""
    found = edges(graph, "SIMILAR_TO", tail=one, head=other) + edges(graph, "SIMILAR_TO", tail=other, head=one)
    assert len(found) <= 1
    return found[0][2] if found else None


def measure(graph, measure_id: str, snippet: str) -> str:
    assert snippet in graph.nodes[measure_id]["text"], f"{measure_id} is no longer the measure about {snippet}"
    return measure_id


@pytest.mark.parametrize(
    "one, one_snippet, other, other_snippet",
    [
        (f"{HANDAN}/m/63", "加强塑料污染全链条防治", f"{XINGTAI}/m/81", "加强塑料制品产、销、用管理"),
        (f"{HANDAN}/m/68", "加强新污染物排放控制", f"{XINGTAI}/m/101", "强化新污染物排放控制"),
        (f"{HANDAN}/m/46", "严格建设用地土壤环境管理", f"{XINGTAI}/m/62", "强化建设用地土壤环境管理"),
        (f"{HENGSHUI}/m/46", "规范危险废物环境管理", f"{XINGTAI}/m/71", "完善危险废物监管体制机制"),
    ],
)
def test_hand_checked_counterparts_are_similar(graph, one, one_snippet, other, other_snippet):
    edge = link(graph, measure(graph, one, one_snippet), measure(graph, other, other_snippet))
    assert edge is not None and edge["score"] >= THRESHOLD and edge["method"] == METHOD


@pytest.mark.parametrize(
    "one, one_snippet, other, other_snippet",
    [
        # CO2 in industry, transport and buildings vs methane and other non-CO2 gases.
        (f"{HANDAN}/m/13", "控制温室气体排放", f"{NINGJIN_ECO}/m/23", "控制非二氧化碳温室气体排放"),
        # Construction-land soil management vs remediation of risky plots (its counterpart is m/62).
        (f"{HANDAN}/m/46", "严格建设用地土壤环境管理", f"{XINGTAI}/m/63", "有序推进土壤风险管控和治理修复"),
    ],
)
def test_hand_checked_different_measures_are_not_similar(graph, one, one_snippet, other, other_snippet):
    assert link(graph, measure(graph, one, one_snippet), measure(graph, other, other_snippet)) is None


def test_edges_join_different_plans_once_from_the_lower_id(graph, plan_of):
    similar = edges(graph, "SIMILAR_TO")
    assert len(similar) > 100
    pairs = [(tail, head) for tail, head, _ in similar]
    assert len(pairs) == len(set(pairs))
    for tail, head, data in similar:
        assert tail < head and plan_of[tail] != plan_of[head]
        assert THRESHOLD <= data["score"] <= 1.0


def test_an_elderly_care_plan_has_no_counterpart_among_environment_plans(graph, plan_of):
    assert not [pair for pair in edges(graph, "SIMILAR_TO") if ELDERLY_CARE in (plan_of[pair[0]], plan_of[pair[1]])]


def scores(measures, **kwargs) -> dict[tuple[str, str], float]:
    return {(pair.source, pair.target): pair.score for pair in similar_measures(measures, **kwargs)}


PLASTICS = "加强塑料制品产、销、用管理。禁止、限制不可降解塑料袋、一次性塑料餐具的生产、销售和使用。"
NOISE = "营造安静和谐的生活环境。实施噪声污染防治行动，强化夜间施工管理。"
TRUCKS = "强化柴油货车治理监管。完善黑烟抓拍系统建设，强化载货汽车尾气排放达标整治。"


def test_responsibility_clauses_do_not_drive_similarity():
    clause = "（责任单位：市生态环境局、市发展改革委、市工业和信息化局、市交通运输局、市城管执法局）"
    bare = [("a/m/1", "a", PLASTICS), ("b/m/1", "b", NOISE), ("c/m/1", "c", TRUCKS)]
    clad = [(measure_id, plan, text + clause) for measure_id, plan, text in bare]
    assert scores(clad, threshold=0.0) == scores(bare, threshold=0.0)
    assert not scores(clad)


def test_the_same_task_with_different_clauses_is_a_perfect_match():
    measures = [
        ("a/m/1", "a", PLASTICS + "（市发展改革委牵头负责）"),
        ("b/m/7", "b", PLASTICS + "（责任单位：市商务局、市市场监管局）"),
        ("b/m/8", "b", NOISE),
        ("c/m/1", "c", TRUCKS),
    ]
    assert scores(measures) == {("a/m/1", "b/m/7"): 1.0}


def test_measures_of_the_same_plan_are_never_paired():
    found = scores([("a/m/1", "a", PLASTICS), ("a/m/2", "a", PLASTICS), ("b/m/1", "b", NOISE)], threshold=0.0)
    assert set(found) == {("a/m/1", "b/m/1"), ("a/m/2", "b/m/1")}
    assert similar_measures([]) == []


def test_blocks_only_compare_measures_that_share_one():
    measures = [("a/m/1", "a", PLASTICS), ("b/m/1", "b", PLASTICS), ("c/m/1", "c", PLASTICS)]
    assert set(scores(measures, blocks={"a/m/1": {"waste"}, "b/m/1": {"air"}, "c/m/1": {"air", "waste"}})) == {
        ("a/m/1", "c/m/1"),
        ("b/m/1", "c/m/1"),
    }
    # Measures missing from the blocks, or with none, are compared among themselves.
    assert len(scores(measures, blocks={"a/m/1": set()})) == 3
    assert set(scores(measures, blocks={"c/m/1": {"waste"}})) == {("a/m/1", "b/m/1")}


def test_a_measure_links_at_most_max_links_plans_from_its_side():
    plans = [f"p{index:02d}" for index in range(similarity.MAX_LINKS + 3)]
    found = scores([(f"{plan}/m/1", plan, PLASTICS) for plan in plans])
    assert all(score == 1.0 for score in found.values())
    # Each measure picks the MAX_LINKS lowest-indexed others (ties go to the lower row); the pair is kept from either side.
    partners = {
        plan: {b for a, b in found if a == f"{plan}/m/1"} | {a for a, b in found if b == f"{plan}/m/1"}
        for plan in plans
    }
    assert len(partners["p00"]) == similarity.MAX_LINKS + 2
    assert len(partners["p12"]) == similarity.MAX_LINKS
    assert len(found) < len(plans) * (len(plans) - 1) // 2


def test_blocking_by_topic_keeps_the_pairs_of_comparing_all_measures(graph, corpus):
    measures = sorted((m.id, d.document.id, m.text) for d in corpus.documents for m in d.measures)
    everything = set(scores(measures))
    blocked = set(scores(measures, blocks=similarity.topic_blocks(graph, [m[0] for m in measures])))
    assert blocked <= everything
    assert everything - blocked == {  # docs/topics.md: these measures share no main topic
        (f"{HANDAN}/m/2", f"{XINGTAI}/m/4"),
        (f"{HENGSHUI}/m/56", f"{NINGJIN_ECO}/m/98"),
        (f"{NINGJIN_ECO}/m/98", f"{XINGTAI}/m/93"),  # 农村生活污水 (agri-rural) ~ 污水治理设施 (water)
    }


def test_ngram_counts_give_the_scores_of_sklearns_vectoriser(corpus):
    texts = ["".join(m.text.split()).lower() for d in corpus.documents for m in d.measures][:200] + ["水", "", "pm2.5"]
    ours = TfidfTransformer(sublinear_tf=True).fit_transform(similarity.char_ngram_counts(texts))
    theirs = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True).fit_transform(texts)
    assert ours.shape == theirs.shape
    assert np.allclose((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray())
