"""Unit names as written resolved to one body per government."""

import pytest

from graph.departments import resolve_department
from ingest.reference import load_regions

REGIONS = load_regions()


@pytest.mark.parametrize(
    ("unit", "home", "expected_id", "name", "kind", "level", "category"),
    [
        ("市生态环境局", "邯郸市", "dept/130400/生态环境局", "邯郸市生态环境局", "生态环境局", "city", "department"),
        ("市生态环境局", "邢台市", "dept/130500/生态环境局", "邢台市生态环境局", "生态环境局", "city", "department"),
        (
            "市发展改革委",
            "邯郸市",
            "dept/130400/发展和改革委员会",
            "邯郸市发展和改革委员会",
            "发展和改革委员会",
            "city",
            "department",
        ),
        (
            "省生态环境厅",
            "河北省",
            "dept/130000/生态环境厅",
            "河北省生态环境厅",
            "生态环境厅",
            "province",
            "department",
        ),
        ("民政局", "宁晋县", "dept/130528/民政局", "宁晋县民政局", "民政局", "county", "department"),
        ("市生态环境局", "宁晋县", "dept/130500/生态环境局", "邢台市生态环境局", "生态环境局", "city", "department"),
        (
            "冀南新区管委会",
            "邯郸市",
            "dept/130400/冀南新区管委会",
            "邯郸市冀南新区管委会",
            "冀南新区管委会",
            "city",
            "committee",
        ),
        (
            "各县<市、区>政府",
            "邯郸市",
            "dept/130400/各县<市、区>政府",
            "邯郸市各县<市、区>政府",
            "人民政府",
            "county",
            "government",
        ),
    ],
)
def test_resolve(unit, home, expected_id, name, kind, level, category) -> None:
    department = resolve_department(unit, REGIONS.by_name(home), REGIONS)
    assert (department.id, department.name, department.kind, department.level, department.category) == (
        expected_id,
        name,
        kind,
        level,
        category,
    )


def test_alias_forms_are_one_body() -> None:
    handan = REGIONS.by_name("邯郸市")
    assert resolve_department("市发展改革委", handan, REGIONS) == resolve_department(
        "市发展和改革委员会", handan, REGIONS
    )


def _function(unit: str, home: str) -> str:
    return resolve_department(unit, REGIONS.by_name(home), REGIONS).function


@pytest.mark.parametrize(
    "bodies",
    [
        # Handan splits 住房和城乡建设 between 市建设局 and 市住房保障房产管理局
        [
            ("市建设局", "邯郸市"),
            ("市住房和城乡建设局", "衡水市"),
            ("省住房城乡建设厅", "河北省"),
            ("住房和城乡建设局", "宁晋县"),
        ],
        [("市住房保障房产管理局", "邯郸市"), ("住房和城乡建设局", "宁晋县")],
        [("市发展改革委", "邯郸市"), ("省发展改革委", "河北省"), ("发展和改革局", "宁晋县")],
        [("市卫生健康委", "邯郸市"), ("卫生健康局", "宁晋县")],
        [("市林业局", "邯郸市"), ("省林业和草原局", "河北省")],
        [("省自然资源厅", "河北省"), ("市自然资源和规划局", "邯郸市"), ("自然资源和规划局", "宁晋县")],
        [("金融办", "宁晋县"), ("市地方金融监管局", "邯郸市"), ("省地方金融监管局", "河北省")],
        [("科技和工业信息化局", "宁晋县"), ("市工业和信息化局", "邯郸市"), ("省工业和信息化厅", "河北省")],
        [("文化广电体育和旅游局", "宁晋县"), ("市文化广电和旅游局", "邢台市")],
        [("河北银保监局", "河北省"), ("邯郸银保监分局", "邯郸市"), ("银保监组", "宁晋县")],
        [("人行石家庄中心支行", "河北省"), ("人行宁晋县中心支行", "宁晋县")],
        [("市水务局", "衡水市"), ("市水利局", "邯郸市"), ("省水利厅", "河北省")],
    ],
)
def test_bodies_of_one_function_line_up_across_governments(bodies) -> None:
    """Renamed, merged and abbreviated kinds of the corpus share the function of their counterparts."""
    assert len({_function(unit, home) for unit, home in bodies}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (("市建设局", "邯郸市"), ("市城管执法局", "邯郸市")),
        (("省自然资源厅", "河北省"), ("省生态环境厅", "河北省")),
        (("省科技厅", "河北省"), ("科技和工业信息化局", "宁晋县")),  # a merged body gets one function (its last)
        (("省政务服务管理办公室", "河北省"), ("市行政审批局", "邯郸市")),
    ],
)
def test_different_functions_stay_apart(one, other) -> None:
    assert _function(*one) != _function(*other)


def test_function_names() -> None:
    assert _function("市建设局", "邯郸市") == "住房和城乡建设"
    assert _function("省生态环境厅", "河北省") == "生态环境"
    assert _function("市发展改革委", "邯郸市") == "发展和改革"
    assert _function("文明办", "宁晋县") == "精神文明建设委员会办公室"
