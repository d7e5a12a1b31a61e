"""The web pages in headless Chromium (Debian's chromium + chromedriver) against the real server.

Develop against a server you already run: ``EMKB_TEST_SERVER_URL=http://127.0.0.1:8000 pytest tests/web``.
The run also refreshes the screenshots in docs/.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.integration, pytest.mark.browser]

DOCS = Path(__file__).resolve().parents[2] / "docs"
OWNERS_9 = ["综合监督及救灾保障科", "危险化学品安全监督管理科", "安全生产基础科", "执法支队"]
WORK_PLAN = "001_6081a029a38b96ac"
GONGMAO_2017 = "gongmao-hangye-zhongda-yinhuan-panding-2017-superseded"


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
    viewport(drv, 1280, 900)
    DOCS.mkdir(exist_ok=True)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def viewport(drv, width: int, height: int) -> None:
    """Size the window so that the page itself (not the window frame) is width x height."""
    drv.set_window_size(width, height)
    inner_w, inner_h = drv.execute_script("return [window.innerWidth, window.innerHeight]")
    if (inner_w, inner_h) != (width, height):
        drv.set_window_size(width + (width - inner_w), height + (height - inner_h))


def wait(drv, css, timeout=60, text=None):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    w = WebDriverWait(drv, timeout)
    if text is not None:
        w.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, css), text))
    return w.until(EC.visibility_of_element_located((By.CSS_SELECTOR, css)))


def wait_for(drv, script, timeout=30):
    """Wait until a JS expression is truthy; returns its value."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(drv, timeout).until(lambda d: d.execute_script(f"return {script}"))


def click(drv, element) -> None:
    """Scroll an element clear of the sticky question box, then click it like a user."""
    drv.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def severe_console_errors(drv) -> list[str]:
    return [e["message"] for e in drv.get_log("browser") if e["level"] == "SEVERE"]


def no_horizontal_overflow(drv) -> bool:
    return drv.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_chat_owner_question_citation_and_source(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    drv = browser
    viewport(drv, 1280, 900)
    drv.get(live_server + "/#/")
    box = wait(drv, "#question")
    assert drv.switch_to.active_element == box  # the question box has the focus on arrival
    box.send_keys("重大隐患动态清零行动由哪个科室负责？", Keys.ENTER)  # Enter sends
    card = wait(drv, ".card.answer")
    assert "abstained" not in card.get_attribute("class")
    chips = [c.text for c in card.find_elements(By.CSS_SELECTOR, ".chip.owner")]
    assert chips == OWNERS_9
    assert "2023年底" in card.find_element(By.CSS_SELECTOR, ".chip.deadline").text
    first = card.find_element(By.CSS_SELECTOR, ".cites.sources .cite")
    title = first.find_element(By.CSS_SELECTOR, ".cite-title").text
    locator = first.find_element(By.CSS_SELECTOR, ".cite-loc").text
    assert "2023" in title and "9" in locator
    assert "2023年应急管理重点工作要点" in title and locator == "任务9"
    assert first.find_element(By.CSS_SELECTOR, ".badge.ok").text == "现行有效"
    # the passage opens from the keyboard: the toggle is a real button with aria-expanded
    toggle = first.find_element(By.CSS_SELECTOR, ".cite-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    drv.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", toggle)
    drv.switch_to.active_element.send_keys(Keys.ENTER)
    assert toggle.get_attribute("aria-expanded") == "true"
    mark = first.find_element(By.CSS_SELECTOR, ".cite-body mark")
    assert mark.is_displayed() and "重大隐患动态清零" in mark.text
    drv.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    drv.save_screenshot(str(DOCS / "screenshot-chat.png"))
    # copy puts the answer, the owners and the numbered citations on the clipboard (or the fallback)
    click(drv, card.find_element(By.CSS_SELECTOR, "button.copy"))
    copied = wait_for(drv, "window.__lastCopy")
    assert "责任单位：综合监督及救灾保障科、危险化学品安全监督管理科、安全生产基础科、执法支队" in copied
    assert "完成时限：2023年底" in copied and "[1] 《2023年应急管理重点工作要点" in copied
    # open the cited source: the document view scrolls to the task and marks it
    click(drv, first.find_element(By.CSS_SELECTOR, "a.open-source"))
    target = wait(drv, ".doc-text p.target")
    assert target.text.startswith("9.大力实施重大隐患动态清零行动")
    assert drv.execute_script(
        "const r = document.querySelector('.doc-text p.target').getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight")  # scrolled into view
    # history survives a trip to another view
    drv.back()
    wait(drv, "#view-chat .card.answer")
    assert severe_console_errors(drv) == []


def test_task_list_answer_shows_a_table(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    drv = browser
    drv.get(live_server + "/?fresh=tasks#/")
    wait(drv, "#question").send_keys("应急协调科负责哪些任务？", Keys.ENTER)
    card = wait(drv, ".card.answer[data-kind='task_list']")
    rows = card.find_elements(By.CSS_SELECTOR, ".tasks-table tbody tr")
    assert len(rows) >= 10 and all("应急协调科" in r.text for r in rows)
    assert len(card.find_elements(By.CSS_SELECTOR, ".cites .cite:not([hidden])")) <= 5  # long lists fold
    assert severe_console_errors(drv) == []


def test_abstained_answer_looks_different(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    drv = browser
    drv.get(live_server + "/?fresh=abstain#/")
    wait(drv, "#question").send_keys("中卫市应急管理局局长的手机号码是多少？", Keys.ENTER)
    card = wait(drv, ".card.answer.abstained")
    assert "知识库中未找到答案" in card.text
    assert card.value_of_css_property("border-top-style") == "dashed"
    assert card.find_elements(By.CSS_SELECTOR, ".cites.sources") == []
    assert card.find_elements(By.CSS_SELECTOR, ".chip.owner") == []
    if card.find_elements(By.CSS_SELECTOR, ".cites.related .cite"):
        assert "相关段落（仅供参考）" in card.text
    assert severe_console_errors(drv) == []


def test_loading_server_down_and_4xx_messages(browser, live_server):
    from selenium.webdriver.common.keys import Keys

    drv = browser
    drv.get(live_server + "/?fresh=down#/")
    wait(drv, "#question")
    # a request that never returns: the button is disabled and the card says it is searching
    drv.execute_script("window.__realFetch = window.fetch; window.fetch = () => new Promise(() => {});")
    drv.find_element("css selector", "#question").send_keys("安全生产法第二十一条", Keys.ENTER)
    assert "正在检索…" in wait(drv, ".card.pending").text
    assert drv.find_element("css selector", "#ask-btn").get_attribute("disabled") is not None
    # the server is unreachable: fetch rejects
    drv.get(live_server + "/?fresh=down2#/")
    wait(drv, "#question")
    drv.execute_script("window.fetch = () => Promise.reject(new TypeError('offline'));")
    drv.find_element("css selector", "#question").send_keys("安全生产法第二十一条", Keys.ENTER)
    assert "无法连接服务器，请稍后重试" in wait(drv, ".card.error").text
    assert drv.find_element("css selector", "#ask-btn").get_attribute("disabled") is None
    # a 4xx shows the server's detail
    drv.get(live_server + "/?fresh=422#/")
    wait(drv, "#question").send_keys("？？？", Keys.ENTER)
    assert "no words" in wait(drv, ".card.error").text
    severe_console_errors(drv)  # drain: the browser logs the deliberate 422 as a failed load


def test_inspector_on_a_phone(browser, live_server):
    from selenium.webdriver.common.by import By

    drv = browser
    viewport(drv, 375, 800)
    try:
        drv.get(live_server + "/?fresh=inspect#/inspect")
        kw = wait(drv, "#kw")
        # the scope chips come from GET /documents: a category, then one standard of it
        cat = wait(drv, "#scope-chips button[data-category='hazard_criteria']")
        assert cat.text == "隐患判定标准"
        cat.click()
        std_chips = wait(drv, "#doc-chips").find_elements(By.CSS_SELECTOR, "button")
        assert len(std_chips) >= 4 + 1  # "all standards" and one per hazard_criteria document
        kw.send_keys("除尘系统 锁气卸灰")
        drv.find_element(By.CSS_SELECTOR, "#inspect-form button").click()
        wait(drv, "#inspect-status", text="找到")
        results = drv.find_elements(By.CSS_SELECTOR, "#inspect-results .result")
        hit = next(r for r in results if "锁气卸灰" in r.text)
        assert hit.find_element(By.CSS_SELECTOR, ".loc").text == "一（一）6"
        assert "已被替代 — 注意" in hit.text  # the 2017 edition is marked as superseded
        assert any("锁气卸灰" in m.text for m in hit.find_elements(By.CSS_SELECTOR, "mark"))
        assert no_horizontal_overflow(drv)
        for css in ("#inspect-form button", "#kw", "#scope-chips button", "#inspect-results a.open"):
            height = drv.execute_script(f"return document.querySelector({css!r}).getBoundingClientRect().height")
            assert height >= 44, css  # touch targets
        drv.execute_script("document.activeElement.blur()")
        drv.save_screenshot(str(DOCS / "screenshot-inspector.png"))
        # narrow to one standard: every hit is from it
        gongmao = next(b for b in std_chips if "工贸" in b.text)
        gongmao.click()
        wait_for(drv, "document.querySelector('#inspect-status').textContent.includes('找到')")
        docs = drv.execute_script(
            "return [...document.querySelectorAll('#inspect-results a.open')].map(a => a.getAttribute('href'))")
        assert docs and all(GONGMAO_2017 in h for h in docs)
        # tap the item: the document view opens at it, still without sideways scrolling
        click(drv, drv.find_element(By.CSS_SELECTOR, "#inspect-results a.open"))
        target = wait(drv, ".doc-text p.target")
        assert "锁气卸灰" in target.text
        assert no_horizontal_overflow(drv)
        assert drv.find_element(By.ID, "outline-box").get_attribute("open") is None  # outline folded on a phone
        # the chat and the document list fit too
        for route in ("#/", "#/docs"):
            drv.get(live_server + "/" + route)
            wait(drv, "#docs-status" if route == "#/docs" else "#question", text="共" if route == "#/docs" else None)
            assert no_horizontal_overflow(drv), route
        assert severe_console_errors(drv) == []
    finally:
        viewport(drv, 1280, 900)


def test_documents_list_task_filter_and_csv(browser, live_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    drv = browser
    viewport(drv, 1280, 900)
    drv.get(live_server + "/?fresh=docs#/docs")
    wait(drv, "#docs-status", text="共 60 份文件")
    assert len(drv.find_elements(By.CSS_SELECTOR, "#docs-table tbody tr")) == 60
    drv.find_element(By.ID, "docs-filter").send_keys("安全生产条例")
    shown = drv.find_elements(By.CSS_SELECTOR, "#docs-table tbody tr")
    assert 0 < len(shown) < 60 and all("安全生产条例" in r.text for r in shown)
    drv.get(live_server + f"/#/doc/{WORK_PLAN}")
    wait(drv, "#task-table tbody tr")
    assert len(drv.find_elements(By.CSS_SELECTOR, "#task-table tbody tr")) == 26
    Select(drv.find_element(By.ID, "owner-filter")).select_by_visible_text("执法支队")
    rows = drv.find_elements(By.CSS_SELECTOR, "#task-table tbody tr")
    assert 0 < len(rows) < 26 and all("执法支队" in r.text for r in rows)
    assert f"显示 {len(rows)} / 26 项" in drv.find_element(By.ID, "task-count").text
    assert len(drv.find_elements(By.CSS_SELECTOR, "#outline li")) >= 5
    drv.execute_script("document.activeElement.blur(); window.scrollTo(0, 0)")
    drv.save_screenshot(str(DOCS / "screenshot-document.png"))
    drv.find_element(By.ID, "export-csv").click()
    csv = drv.execute_script("return window.__lastCsv")
    assert csv.startswith("\ufeff序号,任务,责任单位,完成时限") and csv.count("\r\n") == len(rows)
    assert all("执法支队" in line for line in csv.split("\r\n")[1:])
    # the outline navigates within the page
    item = drv.find_elements(By.CSS_SELECTOR, "#outline li a")[2]
    click(drv, item)
    wait_for(drv, "document.querySelector('#outline a[aria-current]') !== null")
    assert drv.find_element(By.CSS_SELECTOR, ".doc-text p.target").text.startswith(item.text[:4])
    assert severe_console_errors(drv) == []
