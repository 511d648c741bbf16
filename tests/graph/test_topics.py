"""Topics: the taxonomy file, the keyword rules and the ABOUT edges on the real corpus."""

from collections import Counter

import pytest

from graph.topics import Topic, TopicClassifier, check_topics, load_topics, topic_node_id
from ingest.responsibility import strip_clauses
from tests.graph.conftest import edges

HANDAN = "handan-eco-plan-2021-2025"
XINGTAI = "xingtai-eco-plan-2021-2025"
ELDERLY_CARE = "ningjin-gazette-2023-01/1"


@pytest.fixture(scope="module")
def topics() -> list[Topic]:
    return load_topics()


@pytest.fixture(scope="module")
def classify(topics):
    """The taxonomy's rules, compiled once: ``classify(text)`` → topic matches."""
    return TopicClassifier(topics).classify


@pytest.fixture(scope="module")
def graph(built):
    """The built graph: the build adds topics and similar-measure links."""
    return built.graph


def measure(graph, measure_id: str, snippet: str) -> str:
    assert snippet in graph.nodes[measure_id]["text"], f"{measure_id} is no longer the measure about {snippet}"
    return measure_id


def about(graph, measure_id: str) -> dict[str, dict]:
    return {head: data for _, head, data in edges(graph, "ABOUT", tail=measure_id)}


def test_the_taxonomy_file_is_well_formed(topics):
    ids = [topic.id for topic in topics]
    assert len(ids) == len(set(ids))
    tops = {topic.id for topic in topics if topic.parent is None}
    assert all(topic.parent in tops for topic in topics if topic.parent)
    assert all(topic.keywords and all(topic.keywords) for topic in topics)
    keywords = [word for topic in topics for word in topic.keywords]
    assert len(keywords) == len(set(keywords))
    assert {"air", "water", "soil-groundwater", "solid-waste", "ecology", "climate", "industry", "energy"} <= tops
    assert {"transport", "agri-rural", "risk", "governance", "noise", "radiation"} <= tops
    assert {"ultra-low-emissions", "loose-coal", "black-odorous-water", "vocs", "diesel-trucks", "dust"} <= set(ids)
    assert {"groundwater-overdraft", "hazardous-waste", "biodiversity", "carbon-peak"} <= set(ids)


@pytest.mark.parametrize(
    "bad, message",
    [
        ([Topic("a", None, "甲", "A", ("甲",)), Topic("a", None, "乙", "B", ("乙",))], "repeat"),
        ([Topic("b", "missing", "乙", "B", ("乙",))], "not a top topic"),
        ([Topic("a", None, "甲", "A", ())], "no keywords"),
        ([Topic("a", None, "甲", "A", ("水",)), Topic("b", "a", "乙", "B", ("水",))], "already belong"),
    ],
)
def test_a_malformed_taxonomy_is_refused(bad, message):
    with pytest.raises(ValueError, match=message):
        check_topics(bad)


def test_a_sub_topic_implies_its_top_topic_and_the_edge_keeps_the_keywords(classify):
    matches = {match.topic_id: match for match in classify("持续开展冬季清洁取暖，防止散煤复燃。")}
    assert matches["loose-coal"].keywords == ("清洁取暖", "散煤")
    assert matches["air"].keywords == matches["loose-coal"].keywords
    assert matches["air"].hits == 2


def test_a_longer_keyword_counts_once(classify):
    matches = {match.topic_id: match for match in classify("深入开展地下水超采综合治理。")}
    assert matches["groundwater-overdraft"].keywords == ("地下水超采",)
    assert matches["soil-groundwater"].hits == 1


def test_a_measure_is_classified_by_its_body_and_white_space_is_ignored(classify):
    text = "实施柴油货车清洁化行动。（责任单位：市生态环境局、市交通运输局、市农业农村局）"
    assert strip_clauses(text) == "实施柴油货车清洁化行动。"  # the body ingest hands over
    assert {match.topic_id for match in classify(strip_clauses(text))} == {"air", "diesel-trucks"}
    assert {match.topic_id for match in classify("全面创 A")} == {"air", "ultra-low-emissions"}
    assert classify("涉VOCS企业")[0].keywords == ("VOCs",)


def test_main_marks_the_most_hit_topics_of_each_level_ties_included(classify):
    matches = {match.topic_id: match for match in classify("治理扬尘和噪声，扬尘为重点。")}
    assert matches["air"].main and not matches["noise"].main
    tied = {match.topic_id: match.main for match in classify("治理扬尘和噪声。")}
    assert tied == {"air": True, "dust": True, "noise": True}


def test_a_text_with_no_keyword_has_no_topic(classify):
    assert classify("养老服务床位总量达到5600张以上。") == []


def test_topic_nodes_and_broader_edges(graph, topics):
    for topic in topics:
        node = graph.nodes[topic_node_id(topic.id)]
        assert node["label"] == "Topic" and node["name"] == topic.name_zh and node["name_en"] == topic.name_en
        broader = [head for _, head, _ in edges(graph, "BROADER", tail=topic_node_id(topic.id))]
        assert broader == ([topic_node_id(topic.parent)] if topic.parent else [])
    assert graph.nodes["topic/vocs"]["parent"] == "topic/air"


def test_a_handan_measure_about_loose_coal_is_about_loose_coal_and_air(graph):
    coal = measure(graph, f"{HANDAN}/m/19", "防止散煤复燃")
    topics = about(graph, coal)
    assert "散煤" in topics["topic/loose-coal"]["keywords"]
    assert topics["topic/air"]["main"] and topics["topic/air"]["hits"] >= topics["topic/loose-coal"]["hits"]


def test_a_xingtai_measure_about_black_odorous_water_is_about_it_and_water(graph):
    black = measure(graph, f"{XINGTAI}/m/94", "持续整治农村黑臭水体")
    topics = about(graph, black)
    assert "黑臭水体" in topics["topic/black-odorous-water"]["keywords"]
    assert topics["topic/water"]["main"]
    assert "topic/rural-environment" in topics


@pytest.mark.parametrize(
    "measure_id, snippet, expected",
    [
        (f"{HANDAN}/m/24", "实施柴油货车清洁化行动", "topic/diesel-trucks"),
        (f"{HANDAN}/m/64", "提升危险废物收集与处置能力", "topic/hazardous-waste"),
        (f"{HANDAN}/m/57", "实施生物多样性本底调查", "topic/biodiversity"),
        (f"{XINGTAI}/m/20", "实施碳排放达峰行动", "topic/carbon-peak"),
        (f"{XINGTAI}/m/35", "深化重点行业挥发性有机物", "topic/vocs"),
        (f"{XINGTAI}/m/67", "深入开展地下水超采治理", "topic/groundwater-overdraft"),
        (f"{XINGTAI}/m/133", "营造安静和谐的生活环境", "topic/noise"),
        (f"{XINGTAI}/m/99", "强化辐射安全管理", "topic/radiation"),
    ],
)
def test_hand_checked_measures_have_their_topic(graph, measure_id, snippet, expected):
    assert expected in about(graph, measure(graph, measure_id, snippet))


def test_about_edges_record_their_keywords(graph, topics):
    scope = {topic.id: set(topic.keywords) for topic in topics}
    for topic in topics:
        if topic.parent:
            scope[topic.parent] |= set(topic.keywords)
    about_edges = edges(graph, "ABOUT")
    assert about_edges
    for _, head, data in about_edges:
        assert data["hits"] >= len(data["keywords"]) >= 1
        assert set(data["keywords"]) <= scope[head.removeprefix("topic/")]


def test_nearly_every_measure_of_an_environment_plan_has_a_topic(graph):
    plans, untopical = Counter(), Counter()
    for plan, measure_id, _ in edges(graph, "HAS_MEASURE"):
        if graph.nodes[plan]["label"] == "Plan":
            plans[plan] += 1
            untopical[plan] += not about(graph, measure_id)
    for plan, total in plans.items():
        if plan != ELDERLY_CARE:
            assert untopical[plan] / total < 0.05, plan
    assert untopical[ELDERLY_CARE] / plans[ELDERLY_CARE] > 0.8  # an elderly-care plan, not an environment plan
