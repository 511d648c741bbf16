"""Comparison logic shared by the explorer, CLI, report and notebook, checked against the documents."""

import io

import pandas as pd
import pytest

from queries.compare import indicator_values, plans_named, runner, shared

CITIES = ["handan-eco-plan-2021-2025", "xingtai-eco-plan-2021-2025", "hengshui-eco-plan-2021-2025"]


def test_region_names_stand_for_their_one_plan(kg) -> None:
    plans = runner(kg)("plans")
    assert plans_named(plans, ["邯郸市", "邢台市", "衡水市"]) == CITIES
    with pytest.raises(ValueError, match="'宁晋县' names 4 plans"):
        plans_named(plans, ["宁晋县"])
    with pytest.raises(ValueError, match="'Paris' names 0 plans"):
        plans_named(plans, ["Paris"])


def test_shared_indicators_and_their_numbers_as_csv(kg) -> None:
    rows = shared(runner(kg)("indicator_matrix", year=2025), CITIES)
    assert rows["indicator_id"].nunique() == 16  # of Handan's 19 rows, Xingtai's and Hengshui's tables
    table = pd.read_csv(io.StringIO(indicator_values(rows).to_csv(index=False)))
    assert table["category"].drop_duplicates().tolist() == ["环境治理", "应对气候变化", "环境风险防控", "生态保护"]
    pm25 = table[table["indicator"] == "细颗粒物（PM2.5）年均浓度"].set_index("region")
    # handan-eco-plan-2021-2025.txt:164 “1 细颗粒物（PM2.5）浓度（ug/m3） 57 42 约束性”
    assert pm25.loc["邯郸市", ["baseline", "target", "change", "attribute", "unit"]].tolist() == [
        57.0, 42.0, -15.0, "约束性", "μg/m3"
    ]  # fmt: skip
    assert pm25.loc["衡水市", ["target", "target_as_printed", "comparable"]].tolist() == [37.0, "37*", False]
    nh3 = table[table["indicator"] == "氨氮重点工程减排量"].set_index("region")
    assert nh3.loc["邯郸市", ["target", "unit", "target_as_printed"]].tolist() == [750.0, "吨", "0.075"]  # 0.075 万吨
    assert table["baseline"].dtype == float and table["change"].dtype == float
