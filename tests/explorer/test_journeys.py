"""The everyday questions of issue 14, asked in a real headless browser, clicks counted from the landing page.

Each journey opens the explorer's landing page (the overview) and clicks as a user
would: sidebar entries, view switches, pills, buttons. Typing is not a click. Every
answer is checked against the documents.
"""

import time

import pytest

from tests.explorer.test_browser import ARTIFACTS, CHROMEDRIVER, CHROMIUM, FLAGS, _wait_for, server  # noqa: F401

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Debian chromium and chromium-driver: apt-get install chromium chromium-driver",
)
LANDING = "Build warnings"


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(tmp_path_factory, downloads):
    """Headless chromium through chromedriver, with a fresh profile that saves downloads to ``downloads``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


class User:
    """A user at the landing page, counting clicks."""

    def __init__(self, browser, url: str):
        self.browser, self.clicks = browser, 0
        browser.get(url)
        _wait_for(browser, LANDING)

    def click(self, text: str, where: str = "button, label, [role='tab']") -> None:
        """Click the element of kind ``where`` showing ``text`` (a sidebar entry, a switch, a pill, a button)."""
        from selenium.common.exceptions import StaleElementReferenceException
        from selenium.webdriver.common.by import By

        deadline = time.monotonic() + 30
        while True:
            assert time.monotonic() < deadline, f"nothing to click shows {text!r}"
            if self.browser.find_elements(By.CSS_SELECTOR, "[data-testid='stStatusWidget']"):
                time.sleep(0.2)  # the app is still running: what is on screen may be replaced
                continue
            try:
                found = [
                    element
                    for element in self.browser.find_elements(By.CSS_SELECTOR, where)
                    if element.is_displayed() and text in element.text
                ]
                if found:
                    found[0].click()
                    break
            except StaleElementReferenceException:
                pass
            time.sleep(0.2)
        self.clicks += 1
        time.sleep(0.5)  # let the app start its rerun before the next wait

    def sees(self, *texts: str) -> str:
        """Wait until every text is on the page and the app has stopped running; the page's text."""
        from selenium.webdriver.common.by import By

        for text in texts:
            _wait_for(self.browser, text)
        return self.browser.find_element(By.TAG_NAME, "body").text

    def shot(self, name: str) -> None:
        time.sleep(1)
        self.browser.save_screenshot(str(ARTIFACTS / name))


def test_pm25_of_the_three_cities_in_one_click(server, browser) -> None:  # noqa: F811
    user = User(browser, server)
    user.click("城市对比")
    text = user.sees("细颗粒物（PM2.5）年均浓度", "57 → 42（约束性）")
    assert "⚠ 53 → 40（约束性）〔市城区〕" in text and "⚠ 52 → 37*（约束性）〔市区城市〕" in text
    assert user.clicks <= 1
    user.shot("journey-pm25.png")


def test_indicators_the_three_share_grouped_in_one_click(server, browser) -> None:  # noqa: F811
    user = User(browser, server)
    user.click("城市对比")
    text = user.sees("环境治理 (9)", "应对气候变化 (3)", "环境风险防控 (2)", "生态保护 (2)")
    assert text.index("环境治理 (9)") < text.index("应对气候变化 (3)") < text.index("生态保护 (2)")
    assert "集中式饮用水水源水质达到或优于Ⅲ类比例" not in text  # Hengshui's only: not shared
    assert user.clicks <= 2


def test_one_topic_side_by_side_for_the_three_cities_in_three_clicks(server, browser) -> None:  # noqa: F811
    user = User(browser, server)
    user.click("城市对比")
    user.click("主题 topics")
    user.click("水环境")
    text = user.sees("同一主题的任务并列 / Measures of one topic side by side · 水环境")
    for city in (
        "邯郸市 · 邯郸市生态环境保护“十四五”规划",
        "邢台市 · 邢台市生态环境保护“十四五”规划",
        "衡水市 · 衡水市生态环境保护“十四五”规划",
    ):
        assert city in text
    assert "≈ 邢台市《邢台市生态环境保护“十四五”规划》" in text  # a counterpart link names its plan
    assert user.clicks <= 3
    user.shot("journey-topic.png")


def test_what_handan_does_that_xingtai_does_not_in_two_clicks(server, browser) -> None:  # noqa: F811
    user = User(browser, server)
    user.click("城市对比")
    user.click("差异")
    text = user.sees("未找到对应 / None found", "存疑 / Uncertain")
    assert "邯郸市 · 邯郸市生态环境保护“十四五”规划" in text and "邢台市 · 邢台市生态环境保护“十四五”规划" in text
    assert user.clicks <= 3
    user.shot("journey-gaps.png")


def test_who_owns_loose_coal_in_each_city_in_two_clicks(server, browser) -> None:  # noqa: F811
    user = User(browser, server)
    user.click("谁负责")
    user.click("散煤")
    text = user.sees("邯郸市 · 1 条任务 measures", "衡水市 · 1 条任务 measures", "邢台市 · 1 条任务 measures")
    assert "负责 responsible: " in text and "邯郸市生态环境局" in text  # handan-eco-plan-2021-2025.txt:532-536
    assert "没有列出责任单位" in text  # Xingtai's and Hengshui's plans name no units
    assert user.clicks <= 2
    user.shot("journey-owners.png")


def test_what_the_handan_bureau_leads_and_supports_in_two_clicks(server, browser) -> None:  # noqa: F811
    user = User(browser, server)
    user.click("部门")
    # the metrics, as read off the page: 79 measures, 15 led （市生态环境局牵头负责）, none supported, 64 责任单位
    user.sees("任务 measures\n79\n牵头 lead\n15\n配合 support\n0\n负责 responsible\n64")
    user.click("牵头 lead", "button")
    user.sees("邯郸市生态环境保护“十四五”规划 (15)")  # （市生态环境局牵头负责）
    assert user.clicks <= 2
    user.shot("journey-department.png")


def test_the_comparison_workbook_downloads_in_two_clicks(server, browser, downloads) -> None:  # noqa: F811
    import pandas as pd

    user = User(browser, server)
    user.click("城市对比")
    user.click("Comparison workbook")
    deadline = time.monotonic() + 30
    while not (downloads / "plankg-comparison.xlsx").exists():
        assert time.monotonic() < deadline, "the workbook never arrived"
        time.sleep(0.3)
    time.sleep(0.5)
    table = pd.read_excel(downloads / "plankg-comparison.xlsx", sheet_name="指标 indicators")
    handan = table[(table["indicator"] == "细颗粒物（PM2.5）年均浓度") & (table["region"] == "邯郸市")].iloc[0]
    assert (handan["baseline"], handan["target"], handan["attribute"]) == (57, 42, "约束性")
    assert user.clicks <= 2
