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
