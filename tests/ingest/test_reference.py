"""Reference tables: regions and department name rules."""

from pathlib import Path

import pytest

from ingest.reference import load_regions
from ingest.reference.departments import Category, department_kind, load_department_aliases
from ingest.responsibility import find_clauses
from ingest.text import join_wrapped

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"
CITIES = [
    "石家庄市",
    "唐山市",
    "秦皇岛市",
    "邯郸市",
    "邢台市",
    "保定市",
    "张家口市",
    "承德市",
    "沧州市",
    "廊坊市",
    "衡水市",
]


def test_region_tree_shape():
    regions = load_regions()
    province = regions.by_code("130000")
    assert province.name == "河北省" and province.level == "province"
    assert [r.name for r in regions.children(province)] == CITIES
    assert all(r.level == "city" for r in regions.children(province))
    assert 170 <= len(regions) <= 185
    for region in regions:
        if region.level == "county":
            assert regions.by_code(region.parent_code).level == "city"


def test_ningjin_parent_chain():
    regions = load_regions()
    ningjin = regions.by_name("宁晋县")
    assert (ningjin.code, ningjin.level) == ("130528", "county")
    assert [(r.name, r.code) for r in regions.parents(ningjin)] == [("邢台市", "130500"), ("河北省", "130000")]
    assert regions.by_code("130400").name == "邯郸市"
    assert regions.by_code("131100").name == "衡水市"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("襄都区", "130502"),
        ("信都区", "130503"),
        ("任泽区", "130505"),
        ("南和区", "130506"),
        ("冀州区", "131103"),
        ("永年区", "130408"),
        ("肥乡区", "130407"),
        ("滦州市", "130284"),
        ("平泉市", "130881"),
        ("辛集市", "130181"),
        ("定州市", "130682"),
    ],
)
def test_current_divisions(name, code):
    assert load_regions().by_name(name).code == code


@pytest.mark.parametrize(
    "stale", ["邯郸县", "邢台县", "任县", "南和县", "永年县", "肥乡县", "冀州市", "滦县", "平泉县"]
)
def test_stale_divisions_are_gone(stale):
    with pytest.raises(KeyError):
        load_regions().by_name(stale)


def test_repeated_names_need_an_ancestor():
    regions = load_regions()
    with pytest.raises(KeyError):
        regions.by_name("桥西区")
    assert regions.by_name("桥西区", within="张家口市").code == "130703"
    assert regions.by_name("新华区", within="130900").code == "130902"


def test_counties_named_in_the_corpus():
    regions = load_regions()
    for name, city in [
        ("峰峰矿区", "邯郸市"),
        ("武安市", "邯郸市"),
        ("内丘县", "邢台市"),
        ("枣强县", "衡水市"),
        ("复兴区", "邯郸市"),
        ("馆陶县", "邯郸市"),
    ]:
        assert regions.parents(regions.by_name(name))[0].name == city


@pytest.mark.parametrize(
    ("name", "prefix", "kind", "category"),
    [
        ("市发展改革委", "市", "发展和改革委员会", Category.DEPARTMENT),
        ("市发展和改革委员会", "市", "发展和改革委员会", Category.DEPARTMENT),
        ("邯郸市生态环境局", "邯郸市", "生态环境局", Category.DEPARTMENT),
        ("省住房城乡建设厅", "省", "住房和城乡建设厅", Category.DEPARTMENT),
        ("住房和城乡建设局", "", "住房和城乡建设局", Category.DEPARTMENT),
        ("市城管执法局", "市", "城市管理综合行政执法局", Category.DEPARTMENT),
        ("市市场监管局", "市", "市场监督管理局", Category.DEPARTMENT),
        ("市场监管局", "", "市场监督管理局", Category.DEPARTMENT),
        ("市卫生健康委", "市", "卫生健康委员会", Category.DEPARTMENT),
        ("卫生健康委员会", "", "卫生健康委员会", Category.DEPARTMENT),
        ("省国资委", "省", "国有资产监督管理委员会", Category.DEPARTMENT),
        ("邯郸银保监分局", "邯郸", "银行保险监督管理分局", Category.DEPARTMENT),
        ("宁晋县民政局", "宁晋县", "民政局", Category.DEPARTMENT),
        ("各县<市、区>政府", "各县<市、区>", "人民政府", Category.GOVERNMENT),
        ("各市（含定州、辛集市）政府", "各市（含定州、辛集市）", "人民政府", Category.GOVERNMENT),
        ("各乡镇人民政府", "各乡镇", "人民政府", Category.GOVERNMENT),
        ("街道办", "", "街道办事处", Category.GOVERNMENT),
        ("冀南新区管委会", "", "冀南新区管委会", Category.COMMITTEE),
        ("宁西筹备办", "", "宁西筹备办", Category.COMMITTEE),
        ("残联", "", "残疾人联合会", Category.OTHER),
    ],
)
def test_department_kind(name, prefix, kind, category):
    form = department_kind(name)
    assert (form.prefix, form.kind, form.category) == (prefix, kind, category)


def test_unknown_name_still_loses_its_prefix():
    form = department_kind("衡水市大数据服务局")
    assert (form.prefix, form.kind, form.category) == ("衡水市", "大数据服务局", Category.DEPARTMENT)


def test_every_corpus_unit_has_a_known_kind():
    """Every unit named in the corpus's clauses, once its prefix is removed, starts with a rule of the
    alias table, except bodies named after their own place or duty, which keep their name as kind."""
    rules = load_department_aliases()
    unknown = set()
    for path in sorted(RAW.glob("*.txt")):
        for clause in find_clauses(join_wrapped(path.read_text(encoding="utf-8").split("\n"))):
            for unit in clause.units + (clause.scope.units if clause.scope else ()):
                form = department_kind(unit.name)
                assert form.kind
                if not any(form.kind.startswith(rule.canonical) for rule in rules):
                    unknown.add(unit.name)
    assert unknown == {
        "凤凰镇",
        "宁北街道",
        "宁西筹备办",
        "宁南筹备办",
        "邯郸经济技术开发区管委会",
        "冀南新区管委会",
        "雄安新区管委会",
        "负有中央生态环境保护督察反馈意见整改落实责任的省有关部门",
    }
