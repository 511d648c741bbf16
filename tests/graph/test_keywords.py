"""The keyword index (graph/keywords.py): every occurrence, overlapping ones and case included."""

import pytest

from graph.keywords import KeywordIndex


def test_every_occurrence_is_found_with_its_position_even_inside_a_longer_keyword():
    index = KeywordIndex([("地下水", "water"), ("地下水超采", "overdraft"), ("超采", "overdraft")])
    text = "加强地下水超采综合治理，保护地下水"
    found = [(o.start, o.end, o.keyword, o.values) for o in index.occurrences(text)]
    assert found == [
        (2, 5, "地下水", ("water",)),
        (2, 7, "地下水超采", ("overdraft",)),
        (5, 7, "超采", ("overdraft",)),
        (14, 17, "地下水", ("water",)),
    ]
    assert all(text[start:end] == keyword for start, end, keyword, _ in found)


def test_a_keyword_may_stand_for_several_values_and_case_can_be_ignored():
    index = KeywordIndex([("VOCs", "air"), ("VOCs", "industry"), ("臭氧", "air")], ignore_case=True)
    assert index.values_in("开展vocs综合治理") == {"air", "industry"}
    assert index.values_in("推进污水治理") == set()
    assert KeywordIndex([("VOCs", "air")]).values_in("开展vocs综合治理") == set()


def test_an_empty_index_finds_nothing_and_an_empty_keyword_is_refused():
    assert KeywordIndex([]).occurrences("任何文字") == []
    with pytest.raises(ValueError, match="empty"):
        KeywordIndex([("", "nothing")])
