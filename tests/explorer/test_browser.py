"""End to end in a real headless browser: ``streamlit run app.py``, every page, a console query, the network view.

Needs Debian's ``chromium`` and ``chromium-driver`` (CI installs them); screenshots
and first-render timings go to ``tests/artifacts/``.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import pytest

from tests.conftest import ROOT

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
ARTIFACTS = ROOT / "tests" / "artifacts"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1500,1300",
)
PAGES = {  # page → (query, text that shows it has drawn)
    "overview": ("", "Build warnings (7)"),
    "compare": ("&view=topics", "Measures of one topic side by side"),
    "owners": ("&task=" + quote("散煤"), "条任务 measures"),
    "departments": ("&department=" + quote("邯郸市生态环境局"), "The same kind of body elsewhere"),
    "graph": ("&node=region/130528", "个节点 nodes"),
    "console": ("&example=department_load", "The bodies of one government ranked"),
    "sources": ("&id=handan-eco-plan-2021-2025/m/1", "Facts read from this passage"),
}
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="needs Debian chromium and chromium-driver: apt-get install chromium chromium-driver",
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(build_root):
    """``streamlit run app.py`` on a free 127.0.0.1 port, reading the test build; stopped afterwards."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log = (ARTIFACTS / "streamlit.log").open("w")
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, "PLANKG_DB": str(build_root)}, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1)
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "streamlit did not start"
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless chromium through chromedriver, with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _wait_for(browser, text: str, timeout: float = 60) -> float:
    """Seconds until ``text`` is on the page and the app has stopped running."""
    from selenium.webdriver.common.by import By

    started = time.monotonic()
    while text not in browser.find_element(By.TAG_NAME, "body").text or browser.find_elements(
        By.CSS_SELECTOR, "[data-testid='stStatusWidget']"
    ):
        assert time.monotonic() - started < timeout, f"{text!r} never appeared"
        time.sleep(0.1)
    return time.monotonic() - started


def _open(browser, url: str, text: str, shot: str) -> float:
    browser.get(url)
    seconds = _wait_for(browser, text)
    time.sleep(1.5)  # let charts and the network settle before the screenshot
    browser.save_screenshot(str(ARTIFACTS / shot))
    return seconds


def test_every_page_draws(server, browser) -> None:
    cold = _open(browser, f"{server}/?page=overview", PAGES["overview"][1], "overview-first.png")
    lines = [f"first page of a new server (imports, connection): {cold:.2f} s"]
    for page, (query, text) in PAGES.items():
        seconds = _open(browser, f"{server}/?page={page}{query}", text, f"{page}.png")
        lines.append(f"{page}: {seconds:.2f} s")
    (ARTIFACTS / "timings.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def test_console_runs_a_query_on_ctrl_enter(server, browser) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    _open(browser, f"{server}/?page=console", "Cypher", "console-before.png")
    area = browser.find_element(By.TAG_NAME, "textarea")
    area.send_keys(Keys.CONTROL, "a")
    area.send_keys("MATCH (p:Plan) WHERE p.region = '衡水市' RETURN p.doc_number AS number, p AS plan")
    area.send_keys(Keys.CONTROL, Keys.ENTER)  # runs it: no click
    _wait_for(browser, "1 行 rows")
    _wait_for(browser, "Nodes in the result (1)")
    assert "cypher=MATCH" in browser.current_url  # the query is in the URL
    time.sleep(1.5)
    browser.save_screenshot(str(ARTIFACTS / "console.png"))
    area = browser.find_element(By.TAG_NAME, "textarea")
    area.send_keys(Keys.CONTROL, "a")
    area.send_keys("CREATE (:Region {id: 'x'})", Keys.CONTROL, Keys.ENTER)
    _wait_for(browser, "read-only")


def _enter_network(browser) -> None:
    """Switch into the graph's frame and wait (30 s at most) until the network has drawn its nodes."""
    from selenium.webdriver.common.by import By

    frame = next(frame for frame in browser.find_elements(By.TAG_NAME, "iframe") if frame.size["height"] > 300)
    browser.switch_to.frame(frame)
    deadline = time.monotonic() + 30
    while not browser.execute_script("return typeof network !== 'undefined' && nodes.length > 0"):
        if time.monotonic() > deadline:
            browser.switch_to.default_content()
            raise AssertionError("the network never drew its nodes")
        time.sleep(0.3)


def test_network_view_draws_nodes(server, browser) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, f"{server}/?page=graph&node=region/130528", "个节点 nodes", "graph.png")
    summary = next(
        line for line in browser.find_element(By.TAG_NAME, "body").text.splitlines() if "个节点 nodes" in line
    )
    expected = int(summary.split(" ")[0])
    _enter_network(browser)
    try:
        assert browser.execute_script("return nodes.length") == expected
        assert browser.execute_script("return network.body.data.nodes.length") == expected
        assert browser.find_elements(By.CSS_SELECTOR, "#mynetwork canvas")
        assert not browser.execute_script(
            "return [...document.querySelectorAll('script[src], link[href]')].map(e => e.src || e.href)"
            ".filter(u => u.startsWith('http'))"
        )
    finally:
        browser.switch_to.default_content()


def test_clicking_a_node_shows_its_properties_and_unfolds_its_neighbours(server, browser) -> None:
    from selenium.webdriver.common.by import By

    _open(browser, f"{server}/?page=graph&node=handan-eco-plan-2021-2025/m/19", "个节点 nodes", "graph-click.png")
    _enter_network(browser)
    try:
        hidden = "return nodes.get().filter(n => n.hidden).length"
        folded = browser.execute_script(hidden)
        assert folded > 0  # the second hop is drawn folded
        bureau = "dept/130400/生态环境局"  # named in the measure's clause, lines 532–536
        browser.execute_script(
            "network.body.emitter.emit('click', {nodes: [arguments[0]], edges: [], event: {}, pointer: {}})", bureau
        )
        panel = browser.find_element(By.ID, "panel").text
        assert "Department" in panel and "邯郸市生态环境局" in panel and "生态环境" in panel
        assert browser.execute_script(hidden) < folded  # its other measures unfolded
        link = browser.find_element(By.CSS_SELECTOR, "#panel a").get_attribute("href")
        assert "page=graph&node=dept%2F130400%2F" in link
    finally:
        browser.switch_to.default_content()
