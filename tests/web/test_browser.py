"""The web pages in headless Chromium (Debian's chromium + chromedriver) against the real server."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.browser]

DOCS = Path(__file__).resolve().parents[2] / "docs"
OWNERS_9 = ["综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队"]


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    if not Path(chromium).exists() or not Path(driver_path).exists():
        pytest.fail("Debian's chromium and chromium-driver are needed: apt-get install chromium chromium-driver")
    profile = tempfile.mkdtemp(prefix="emkb-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", f"--user-data-dir={profile}", "--lang=zh-CN"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver_path), options=opts)
    drv.set_window_size(1280, 900)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait(drv, css, timeout=60, text=None):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    w = WebDriverWait(drv, timeout)
    if text is not None:
        w.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
    return w.until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def click(drv, element) -> None:
    """Scroll an element clear of the sticky question box, then click it like a user."""
    drv.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def severe_console_errors(drv) -> list[str]:
    return [e["message"] for e in drv.get_log("browser") if e["level"] == "SEVERE"]


def test_chat_owner_question_citation_and_source(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    drv = browser
    drv.set_window_size(1280, 900)
    drv.get(live_server + "/#/")
    box = wait(drv, "#question")
    box.send_keys("重大隐患动态清零行动由哪个科室负责？", Keys.ENTER)  # Enter sends
    card = wait(drv, ".card.answer")
    chips = [c.text for c in card.find_elements(By.CSS_SELECTOR, ".chip.owner")]
    assert chips == OWNERS_9
    assert "2023年底" in card.find_element(By.CSS_SELECTOR, ".chip.deadline").text
    first = card.find_element(By.CSS_SELECTOR, ".cite")
    assert "2023年应急管理重点工作要点" in first.text and "任务9" in first.text
    toggle = first.find_element(By.CSS_SELECTOR, ".cite-toggle")
    click(drv, toggle)
    assert toggle.get_attribute("aria-expanded") == "true"
    mark = first.find_element(By.CSS_SELECTOR, ".cite-body mark")
    assert "重大隐患动态清零" in mark.text
    drv.save_screenshot(str(DOCS / "screenshot-chat.png"))
    # copy puts the answer and its citations on the clipboard (or the fallback)
    click(drv, card.find_element(By.CSS_SELECTOR, "button.copy"))
    copied = drv.execute_script("return window.__lastCopy || ''")
    assert "执法支队" in copied and "[1] 《2023年应急管理重点工作要点" in copied
    # open the cited source: the document view scrolls to the task
    click(drv, first.find_element(By.CSS_SELECTOR, "a.open-source"))
    target = wait(drv, ".doc-text p.target")
    assert target.text.startswith("9.大力实施重大隐患动态清零行动")
    assert severe_console_errors(drv) == []


def test_abstained_answer_looks_different(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    drv = browser
    drv.get(live_server + "/#/")
    wait(drv, "#question").send_keys("中卫市应急管理局局长的手机号码是多少？", Keys.ENTER)
    card = wait(drv, ".card.answer.abstained")
    assert "知识库中未找到答案" in card.text
    assert card.find_elements(By.CSS_SELECTOR, ".cites:not(.related)") == []
    assert severe_console_errors(drv) == []


def test_server_down_and_4xx_messages(browser, live_server):
    from selenium.webdriver.common.keys import Keys

    drv = browser
    drv.get(live_server + "/#/")
    wait(drv, "#question")
    drv.execute_script("window.fetch = () => Promise.reject(new TypeError('offline'));")
    drv.find_element("css selector", "#question").send_keys("安全生产法第二十一条", Keys.ENTER)
    assert "无法连接服务器" in wait(drv, ".card.error").text
    drv.get(live_server + "/?reload=1#/")  # a new document: the real fetch again
    wait(drv, "#question").send_keys("？？？", Keys.ENTER)
    assert "no words" in wait(drv, ".card.error").text
    severe_console_errors(drv)  # drain: the browser logs the deliberate 422 as a failed load


def test_inspector_on_a_phone(browser, live_server):
    from selenium.webdriver.common.by import By

    drv = browser
    drv.set_window_size(375, 800)
    drv.get(live_server + "/#/inspect")
    kw = wait(drv, "#kw")
    drv.find_element(By.XPATH, "//button[contains(@class,'scope') and text()='隐患判定标准']").click()
    kw.send_keys("除尘系统 锁气卸灰")
    drv.find_element(By.CSS_SELECTOR, "#inspect-form button").click()
    wait(drv, "#inspect-results .result")
    results = drv.find_elements(By.CSS_SELECTOR, "#inspect-results .result")
    hit = next(r for r in results if "锁气卸灰" in r.text)
    assert hit.find_element(By.CSS_SELECTOR, ".loc").text == "一（一）6"
    assert "被替代" in hit.text  # the 2017 edition is marked as superseded
    assert drv.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    height = drv.execute_script("return document.querySelector('#inspect-form button').getBoundingClientRect().height")
    assert height >= 44  # touch target
    drv.save_screenshot(str(DOCS / "screenshot-inspector.png"))
    assert severe_console_errors(drv) == []
    drv.set_window_size(1280, 900)


def test_documents_list_task_filter_and_csv(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    drv = browser
    drv.set_window_size(1280, 900)
    drv.get(live_server + "/#/docs")
    wait(drv, "#docs-status", text="共 60 份文件")
    assert len(drv.find_elements(By.CSS_SELECTOR, "#docs-table tbody tr")) == 60
    drv.get(live_server + "/#/doc/001_6081a029a38b96ac")
    wait(drv, "#task-table tbody tr")
    assert len(drv.find_elements(By.CSS_SELECTOR, "#task-table tbody tr")) == 26
    Select(drv.find_element(By.ID, "owner-filter")).select_by_visible_text("执法支队")
    rows = drv.find_elements(By.CSS_SELECTOR, "#task-table tbody tr")
    assert 0 < len(rows) < 26 and all("执法支队" in r.text for r in rows)
    drv.find_element(By.ID, "export-csv").click()
    csv = drv.execute_script("return window.__lastCsv")
    assert csv.startswith("\ufeff序号,任务,责任单位,完成时限") and csv.count("\r\n") == len(rows)
    assert len(drv.find_elements(By.CSS_SELECTOR, "#outline li")) >= 5
    drv.save_screenshot(str(DOCS / "screenshot-document.png"))
    assert severe_console_errors(drv) == []
