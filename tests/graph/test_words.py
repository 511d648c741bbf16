"""Words of plan text: the plans' terms kept whole, and the words that name things."""

from graph.words import object_words, words


def test_the_plans_terms_are_one_word_each():
    assert {"挥发性有机物", "三线一单"} <= set(words("深化挥发性有机物治理，落实“三线一单”"))


def test_object_words_leave_out_verbs_adjectives_and_adverbs():
    # 严控 and 控制 (verbs), 健全 (adjective), 积极 (adverb) go; the objects and verbal nouns (监管) stay.
    assert object_words("严控煤炭消费总量") == object_words("控制煤炭消费总量") == ("煤炭消费", "总量")
    assert object_words("积极推进排污权交易，健全部门协作机制，加强监管") == (
        "排污权",
        "交易",
        "部门协作",
        "机制",
        "监管",
    )


def test_object_words_keep_the_plans_own_terms():
    # Domain terms jieba's dictionary does not tag are objects: 挥发性有机物 is not in the dictionary.
    assert "挥发性有机物" in object_words("强化挥发性有机物治理")
