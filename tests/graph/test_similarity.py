"""Similar measures across plans: hand-checked pairs on the real corpus and the scoring rules."""

import pytest

import graph.similarity as similarity
from graph.similarity import (
    COUNTERPART,
    METHOD,
    NEAR,
    THRESHOLD,
    UNCERTAIN,
    action_sentences,
    shared_terms,
    similar_measures,
)
from ingest.responsibility import strip_clauses
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
    "one, one_snippet, other, other_snippet, term",
    [
        (f"{HANDAN}/m/7", "严控煤炭消费总量", f"{XINGTAI}/m/11", "控制煤炭消费总量", "煤炭消费总量"),
        (f"{HANDAN}/m/1", "加强生态环境分区管控", f"{XINGTAI}/m/2", "建立生态环境分区管控体系", "生态环境分区管控"),
        (f"{HANDAN}/m/63", "加强塑料污染全链条防治", f"{XINGTAI}/m/81", "加强塑料制品产、销、用管理", "不可降解塑料袋"),
        (f"{HANDAN}/m/68", "加强新污染物排放控制", f"{XINGTAI}/m/101", "强化新污染物排放控制", "强制性清洁生产审核"),
        (
            f"{HANDAN}/m/46",
            "严格建设用地土壤环境管理",
            f"{XINGTAI}/m/62",
            "强化建设用地土壤环境管理",
            "建设用地土壤环境管理",
        ),
        (
            f"{HENGSHUI}/m/46",
            "规范危险废物环境管理",
            f"{XINGTAI}/m/71",
            "完善危险废物监管体制机制",
            "拓宽部门沟通协作渠道",
        ),
        # Handan's greenhouse-gas measure holds Ningjin's non-CO2 task (甲烷和氧化亚氮), word for word.
        (f"{HANDAN}/m/13", "控制温室气体排放", f"{NINGJIN_ECO}/m/23", "控制非二氧化碳温室气体排放", "温室气体排放"),
        # One action of a Hengshui paragraph (its 9th sentence) is Xingtai's whole measure.
        (f"{HENGSHUI}/m/31", "强化入河排污口监管", f"{XINGTAI}/m/51", "完善排污口长效监管机制", "入河排污口"),
        # The same object under different verbs (健全…管理制度 / 开展…质量监督抽查) and different headings.
        (f"{HANDAN}/m/26", "健全燃油和车用尿素管理制度", f"{XINGTAI}/m/38", "强化油品质量监管", "车用尿素"),
    ],
)
def test_hand_checked_counterparts_are_linked_with_their_evidence(graph, one, one_snippet, other, other_snippet, term):
    edge = link(graph, measure(graph, one, one_snippet), measure(graph, other, other_snippet))
    assert edge is not None and edge["status"] == COUNTERPART and edge["score"] >= THRESHOLD
    assert edge["method"] == METHOD
    assert term in edge["source_sentence"] and term in edge["target_sentence"]
    assert any(term in shared for shared in edge["shared_terms"])
    tail = one if one < other else other
    assert edge["source_sentence"] in "".join(graph.nodes[tail]["text"].split())


def test_a_counterpart_worded_apart_in_long_sentences_is_found(graph):
    # Handan's VOCs measure and Xingtai's 深化重点行业挥发性有机物（VOCs）治理 share 挥发性有机物 in long sentences.
    edge = link(
        graph,
        measure(graph, f"{HANDAN}/m/21", "开展挥发性有机物污染治理达标行动"),
        measure(graph, f"{XINGTAI}/m/35", "深化重点行业挥发性有机物（VOCs）治理"),
    )
    assert edge is not None and edge["status"] == COUNTERPART
    assert any("挥发性有机物" in shared for shared in edge["shared_terms"])


@pytest.mark.parametrize(
    "one, one_snippet, other, other_snippet",
    [
        # Same heading template, different object: industrial pollution vs livestock farming.
        (f"{HANDAN}/m/33", "持续推进工业污染防治", f"{HENGSHUI}/m/54", "推动养殖业污染防治"),
    ],
)
def test_hand_checked_different_measures_are_not_counterparts(graph, one, one_snippet, other, other_snippet):
    edge = link(graph, measure(graph, one, one_snippet), measure(graph, other, other_snippet))
    assert edge is None or edge["status"] == UNCERTAIN


def test_a_true_gap_has_no_link_at_all(graph, plan_of):
    # Xingtai m/48 clears 河湖“四乱”; Handan's plan has none of 四乱, 乱占, 乱采, 乱堆, 乱建 (two readers: none).
    gap = measure(graph, f"{XINGTAI}/m/48", "持续开展河湖“四乱”")
    found = edges(graph, "SIMILAR_TO", tail=gap) + edges(graph, "SIMILAR_TO", head=gap)
    assert not [data for tail, head, data in found if HANDAN in (plan_of[tail], plan_of[head])]


def test_action_sentences_split_headings_and_sentences():
    text = "加快衡水湖湿地生态恢复\n加强湿地保护区建设；开展生态补水工程。加强组织领导。（责任单位：市水利局）"
    assert action_sentences(strip_clauses(text)) == [
        "加快衡水湖湿地生态恢复",
        "加强湿地保护区建设",
        "开展生态补水工程",
    ]  # a bare 6-character heading is too generic
    assert shared_terms("严控煤炭消费总量", "控制煤炭消费总量")[0] == "煤炭消费总量"


def test_edges_join_different_plans_once_from_the_lower_id(graph, plan_of):
    similar = edges(graph, "SIMILAR_TO")
    assert len(similar) > 100
    pairs = [(tail, head) for tail, head, _ in similar]
    assert len(pairs) == len(set(pairs))
    for tail, head, data in similar:
        assert tail < head and plan_of[tail] != plan_of[head]
        assert NEAR <= data["score"] <= 1.0
        assert data["status"] == UNCERTAIN or data["score"] >= THRESHOLD


def test_an_elderly_care_plan_has_no_counterpart_among_environment_plans(graph, plan_of):
    linked = [data for tail, head, data in edges(graph, "SIMILAR_TO") if ELDERLY_CARE in (plan_of[tail], plan_of[head])]
    assert all(data["status"] == UNCERTAIN for data in linked)  # near misses only (加强组织领导…)


def scores(measures, **kwargs) -> dict[tuple[str, str], float]:
    return {(pair.source, pair.target): pair.score for pair in similar_measures(measures, **kwargs)}


PLASTICS = "加强塑料制品产、销、用管理。禁止、限制不可降解塑料袋、一次性塑料餐具的生产、销售和使用。"
NOISE = "营造安静和谐的生活环境。实施噪声污染防治行动，强化夜间施工管理。"
TRUCKS = "强化柴油货车治理监管。完善黑烟抓拍系统建设，强化载货汽车尾气排放达标整治。"


def bodies(measures):
    """The measures as the graph hands them over: their bodies, responsibility clauses removed by ingest."""
    return [(measure_id, plan, strip_clauses(text)) for measure_id, plan, text in measures]


def test_responsibility_clauses_do_not_drive_similarity():
    clause = "（责任单位：市生态环境局、市发展改革委、市工业和信息化局、市交通运输局、市城管执法局）"
    bare = [("a/m/1", "a", PLASTICS), ("b/m/1", "b", NOISE), ("c/m/1", "c", TRUCKS)]
    clad = bodies([(measure_id, plan, text + clause) for measure_id, plan, text in bare])
    assert scores(clad, threshold=0.0) == scores(bare, threshold=0.0)
    assert all(pair.status == UNCERTAIN for pair in similar_measures(clad))


def test_the_same_task_with_different_clauses_is_a_perfect_match():
    measures = bodies(
        [
            ("a/m/1", "a", PLASTICS + "（市发展改革委牵头负责）"),
            ("b/m/7", "b", PLASTICS + "（责任单位：市商务局、市市场监管局）"),
            ("b/m/8", "b", NOISE),
            ("c/m/1", "c", TRUCKS),
        ]
    )
    found = {(pair.source, pair.target): pair for pair in similar_measures(measures)}
    assert found["a/m/1", "b/m/7"].status == COUNTERPART
    assert found["a/m/1", "b/m/7"].source_sentence == found["a/m/1", "b/m/7"].target_sentence
    assert all(pair.status == UNCERTAIN for key, pair in found.items() if key != ("a/m/1", "b/m/7"))


def test_measures_of_the_same_plan_are_never_paired():
    found = scores([("a/m/1", "a", PLASTICS), ("a/m/2", "a", PLASTICS), ("b/m/1", "b", NOISE)], threshold=0.0)
    assert set(found) == {("a/m/1", "b/m/1"), ("a/m/2", "b/m/1")}
    assert similar_measures([]) == []


def test_blocks_only_compare_sentences_that_share_one():
    one, other = "加强塑料制品产、销、用管理", "加强塑料制品产、销、用管理工作"
    measures = [("a/m/1", "a", one + "。"), ("b/m/1", "b", other + "。")]
    assert scores(measures, blocks={one: ["waste"], other: ["waste", "air"]}.get)
    assert not scores(measures, blocks={one: ["waste"], other: ["air"]}.get)
    assert scores(measures, blocks=lambda sentence: [])  # sentences with no block are compared among themselves


def test_a_measure_links_at_most_max_links_plans_from_its_side():
    plans = [f"p{index:02d}" for index in range(similarity.MAX_LINKS + 3)]
    found = scores([(f"{plan}/m/1", plan, PLASTICS) for plan in plans])
    assert len(set(found.values())) == 1  # the same text everywhere: one score
    # Each measure picks the MAX_LINKS lowest-indexed others (ties go to the lower row); the pair is kept from either side.
    partners = {
        plan: {b for a, b in found if a == f"{plan}/m/1"} | {a for a, b in found if b == f"{plan}/m/1"}
        for plan in plans
    }
    assert len(partners["p00"]) == similarity.MAX_LINKS + 2
    assert len(partners["p12"]) == similarity.MAX_LINKS
    assert len(found) < len(plans) * (len(plans) - 1) // 2


def test_blocking_by_topic_keeps_most_pairs_of_comparing_all_sentences(corpus):
    measures = sorted((m.id, d.document.id, m.body) for d in corpus.documents for m in d.measures)
    everything = {pair for pair, score in scores(measures).items() if score >= THRESHOLD}
    blocked = {pair for pair, score in scores(measures, blocks=similarity.topic_blocks).items() if score >= THRESHOLD}
    assert len(everything - blocked) <= 0.05 * len(everything)  # docs/topics.md: 19 of 1 733 on the real corpus


def test_a_sentence_is_blocked_by_its_own_topics():
    assert similarity.topic_blocks("深入开展地下水超采治理") == ["soil-groundwater"]
    assert similarity.topic_blocks("持续开展秋冬季攻坚行动") == []  # no keyword: the block of such sentences
