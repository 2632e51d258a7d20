"""End to end in headless Chromium: start `shuzhi serve`, upload a sample, see coloured sentences and flags,
no English on the screen, a flag that scrolls to its words, a correction made by clicking a sentence, and a
report opened from the cohort table. Screenshots go to test-artifacts/ and docs/screenshots/ (the README's).

The server is started as a user would start it (no address given): it must listen on 127.0.0.1 only and
open no outbound connection (a socket guard in the server processes records any). Uses Debian's chromium and
chromium-driver (installed here with apt-get when missing and running as root) through Selenium; saves
screenshots to test-artifacts/.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import psutil

import checker
from checker.cohort.similarity import with_cohort_flags
from checker.doc import LABEL_NAMES
from checker.pipeline import Checker
from checker.read import read_document
from checker.render.json_out import report_json
from checker.render.page import sample_paths, share_rule
from checker.summary import ReportSummary

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
PACKAGES = ["chromium", "chromium-driver"]
CJK_FONT = "fonts-wqy-microhei"  # only so that the screenshot is legible
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--window-size=1600,3200"]
WAIT = 90
ROW_HEIGHT = 35  # st.dataframe's rows (and its header row), in pixels
GUARD = """
import os, socket
_log = os.environ["SHUZHI_NET_LOG"]
def _note(address):
    host = address[0] if isinstance(address, tuple) else str(address)
    if not (str(host).startswith("127.") or host in ("::1", "localhost", "")):
        with open(_log, "a") as handle:
            handle.write(f"{host}\\n")
_connect, _connect_ex, _getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo
def connect(self, address):
    _note(address)
    return _connect(self, address)
def connect_ex(self, address):
    _note(address)
    return _connect_ex(self, address)
def getaddrinfo(host, *args, **kwargs):
    _note((host,))
    return _getaddrinfo(host, *args, **kwargs)
socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo = connect, connect_ex, getaddrinfo
"""

pytestmark = pytest.mark.slow


def _apt_install(packages: list[str]) -> None:
    env = os.environ | {"DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, env=env, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *packages], check=True, env=env,
                   capture_output=True)


def _has_cjk_font() -> bool:
    fc_list = shutil.which("fc-list")
    return bool(fc_list and subprocess.run([fc_list, ":lang=zh"], capture_output=True, text=True).stdout.strip())


@pytest.fixture(scope="session")
def chromium():
    """Paths of the system Chromium and its driver, installing the Debian packages when needed."""
    can_install = hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")
    missing = not (CHROMIUM.exists() and CHROMEDRIVER.exists())
    if missing and not can_install:
        pytest.skip("需要 chromium 和 chromium-driver（apt-get install chromium chromium-driver）")
    wanted = (PACKAGES if missing else []) + ([CJK_FONT] if can_install and not _has_cjk_font() else [])
    if wanted:
        _apt_install(wanted)
    return CHROMIUM, CHROMEDRIVER


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`shuzhi serve` started from an unrelated folder, with a socket guard: (url, process, outbound log)."""
    folder = tmp_path_factory.mktemp("app")
    (folder / "guard").mkdir()
    (folder / "guard" / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    port = _free_port()
    outbound = folder / "outbound.log"
    code = Path(checker.__file__).resolve().parent.parent  # the checker under test, not the installed one
    env = os.environ | {"SHUZHI_DB": str(folder / "corrections.sqlite"),
                        "PYTHONPATH": os.pathsep.join([str(folder / "guard"), str(code)]),
                        "SHUZHI_NET_LOG": str(outbound)}
    command = [sys.executable, "-m", "checker.cli", "serve", "--port", str(port)]
    with open(folder / "streamlit.log", "wb") as log:
        server = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, server, folder / "streamlit.log")
        yield url, server, outbound
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_healthy(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"streamlit exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("streamlit did not start in time")


@pytest.fixture
def driver(chromium, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary, chromedriver = chromium
    options = webdriver.ChromeOptions()
    options.binary_location = str(binary)
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(str(chromedriver)), options=options)
    browser.set_window_size(1600, 3200)
    yield browser
    browser.quit()


@pytest.fixture(scope="module")
def app_url(server):
    return server[0]


def test_the_page_listens_on_loopback_only_and_goes_nowhere(server):
    _, process, outbound = server
    processes = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    listening = {c.laddr.ip for p in processes for c in p.net_connections(kind="inet") if c.status == "LISTEN"}
    assert listening and listening <= {"127.0.0.1"}, listening
    assert not outbound.exists() or outbound.read_text() == "", outbound.read_text()


# Every text node a person sees: not hidden (display, visibility, opacity, a closed <details>, a 1-pixel
# screen-reader box), not drawn with an icon font (Material Symbols ligatures such as "upload").
VISIBLE_TEXT = """
const hidden = (el) => {
  if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: true })) return true;
  if (el.closest("details:not([open])") && !el.closest("summary")) return true;
  for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
    const s = getComputedStyle(e), r = e.getBoundingClientRect();
    if (s.display !== "contents" && s.overflow !== "visible" && (r.width <= 1 || r.height <= 1)) return true;
  }
  const s = getComputedStyle(el);
  return parseFloat(s.fontSize) === 0 || s.fontFamily.includes("Material");
};
const out = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode, parent = node.parentElement, text = node.nodeValue.trim();
  if (!text || !parent || ["SCRIPT", "STYLE", "NOSCRIPT"].includes(parent.tagName)) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  if ([...range.getClientRects()].some((r) => r.width > 0 && r.height > 0) && !hidden(parent)) out.push(text);
}
return out;
"""
EXTENSIONS = re.compile(r"\.(docx|doc|wps|txt|md|json|xlsx)\b")
SIZES = re.compile(r"\d+(\.\d+)?\s*[KM]?B\b")
DOCS = ROOT / "docs" / "screenshots"


def english_words(driver, allowed: list[str]) -> list[str]:
    """Latin words on the screen that are ours or the widgets': file names, extensions, sizes and the words of
    the reports themselves (`allowed`) are left out."""
    text = " ".join(driver.execute_script(VISIBLE_TEXT))
    for name in sorted(allowed, key=len, reverse=True):
        text = text.replace(name, " ")
    return re.findall(r"[A-Za-z]+", SIZES.sub(" ", EXTENSIONS.sub(" ", text)))


def report_words(path: Path) -> list[str]:
    return [w for b in read_document(path).blocks for w in re.findall(r"[A-Za-z]+", b.text)]


def screenshot(driver, name: str) -> None:
    """Saved in test-artifacts/ and, for the README, in docs/screenshots/."""
    time.sleep(1)  # let charts finish drawing
    ARTIFACTS.mkdir(exist_ok=True)
    DOCS.mkdir(parents=True, exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / f"app_{name}.png"))
    shutil.copyfile(ARTIFACTS / f"app_{name}.png", DOCS / f"{name}.png")


def open_report(driver, path: Path, count: int = 0):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(driver.app_url)
    wait = WebDriverWait(driver, WAIT)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[type=file]"))).send_keys(str(path))
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "span.sent[data-index]")) == count)
    return wait


def metric(driver, label: str) -> str:
    from selenium.webdriver.common.by import By

    for element in driver.find_elements(By.CSS_SELECTOR, "[data-testid=stMetric]"):
        if element.find_element(By.CSS_SELECTOR, "[data-testid=stMetricLabel]").text == label:
            return element.find_element(By.CSS_SELECTOR, "[data-testid=stMetricValue]").text
    return ""


def until(driver, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


@pytest.fixture
def page(driver, app_url):
    driver.app_url = app_url
    return driver


def test_the_page_before_any_upload_is_all_chinese(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    page.get(page.app_url)
    WebDriverWait(page, WAIT).until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[type=file]")))
    WebDriverWait(page, WAIT).until(lambda d: "示例报告" in d.find_element(By.TAG_NAME, "body").text)
    assert english_words(page, []) == []
    button = page.find_element(By.CSS_SELECTOR, "[data-testid=stFileUploaderDropzone] button p")
    shown = page.execute_script("return getComputedStyle(arguments[0], '::after').content", button)
    assert shown == '"选择文件"'


def test_upload_shows_coloured_sentences_flags_and_no_english(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec

    sample = next(p for p in sample_paths() if p.name == "v016.docx")
    expected = Checker().check_path(sample)
    labels = [s._.label for s in expected.sents]
    flags = expected._.flags
    assert flags, "the sample is expected to raise at least one flag"
    wait = open_report(page, sample, len(labels))
    spans = page.find_elements(By.CSS_SELECTOR, "span.sent[data-index]")
    for span, label in zip(spans, labels):
        assert f"label-{label}" in span.get_attribute("class").split()
    colours = {span.value_of_css_property("background-color") for span in spans}
    assert len(colours) == len(set(labels))  # one colour per label, styles applied
    tags = {t.text for t in page.find_elements(By.CSS_SELECTOR, ".shuzhi .tag")}
    assert {LABEL_NAMES[label] for label in labels if label != "other"} <= tags  # the label's name beside its colour
    wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), f"问题清单（{len(flags)}）"))
    body = page.find_element(By.TAG_NAME, "body").text
    for flag in flags:
        assert f"{flag.name}：{flag.message}" in body and flag.code not in body
    assert f"结论：{expected._.verdict.value}" in body
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".vega-embed canvas, .vega-embed svg"))
    assert english_words(page, [sample.name, *report_words(sample)]) == []
    screenshot(page, "report")

    resources = page.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [r for r in resources if not r.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert outside == [], "the page must not load anything from outside (CDN, fonts, telemetry)"


def test_a_flag_scrolls_to_its_words_and_highlights_them(page):
    from selenium.webdriver.common.by import By

    sample = next(p for p in sample_paths() if p.name == "j009.docx")
    expected = Checker().check_path(sample)
    index, flag = next((k, f) for k, f in enumerate(expected._.flags) if len(f.evidence) > 1)
    open_report(page, sample, len(list(expected.sents)))
    first = flag.evidence[0]
    summary = next(s for s in page.find_elements(By.CSS_SELECTOR, "[data-testid=stExpander] summary")
                   if f"{flag.name}：" in s.text)
    if summary.find_element(By.XPATH, "..").get_attribute("open") is None:
        page.execute_script("arguments[0].scrollIntoView({block: 'center'})", summary)
        summary.click()
    links = f"a.shuzhi-jump[data-flag='{index}']"
    # the flag's first link in page order, once it shows (not whichever link shows first while the expander opens)
    link = until(page, lambda d: next((a for a in d.find_elements(By.CSS_SELECTOR, links)[:1] if a.is_displayed()), None))
    assert link.get_attribute("href").endswith(f"#ev-{first.sentence}-{first.start}")
    link.click()
    target = page.find_element(By.ID, f"ev-{first.sentence}-{first.start}")
    until(page, lambda d: "arrived" in target.get_attribute("class").split())
    assert first.text.startswith(target.text) and flag.name in target.get_attribute("title")
    marks = page.find_elements(By.CSS_SELECTOR, f".shuzhi mark.ev[data-flags~='{index}']")
    assert len(marks) >= len(flag.evidence) and all("arrived" in m.get_attribute("class") for m in marks)
    assert page.execute_script("const r = arguments[0].getBoundingClientRect(); "
                               "return r.top >= 0 && r.bottom <= window.innerHeight", target)
    assert target.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"


def test_clicking_a_sentence_corrects_its_label(page):
    from selenium.webdriver.common.by import By

    sample = next(p for p in sample_paths() if p.name == "j001.docx")
    checker = Checker()
    expected = checker.check_path(sample)
    sentences = list(expected.sents)
    index = max((i for i, s in enumerate(sentences) if s._.label == "achievement"), key=lambda i: sentences[i]._.chars)
    corrected = checker.relabel(expected, {index: "problem"})
    share = f"{share_rule(checker.profile).shares(report_json(corrected))['achievement']:.0%}"
    assert share != metric_after_upload(page, sample, len(sentences))
    sentence = page.find_element(By.CSS_SELECTOR, f"span.sent[data-index='{index}']")
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", sentence)
    sentence.click()
    menu = page.find_element(By.CSS_SELECTOR, ".shuzhi-menu")
    assert "成绩（当前）" in menu.text
    menu.find_element(By.CSS_SELECTOR, "button[data-label='problem']").click()
    until(page, lambda d: metric(d, "成绩占比") == share)
    relabelled = f"span.sent.corrected[data-index='{index}'][data-label='problem']"
    until(page, lambda d: d.find_elements(By.CSS_SELECTOR, relabelled))
    assert f"结论：{corrected._.verdict.value}" in page.find_element(By.TAG_NAME, "body").text


def metric_after_upload(page, sample: Path, count: int) -> str:
    open_report(page, sample, count)
    until(page, lambda d: metric(d, "成绩占比"))
    return metric(page, "成绩占比")


def test_several_uploads_show_the_cohort_and_a_row_opens_its_report(page):
    from selenium.common.exceptions import (ElementClickInterceptedException, NoSuchElementException,
                                            StaleElementReferenceException)
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    samples = sample_paths()
    assert len(samples) >= 3
    checker = Checker()
    verdicts = [s.verdict_text for s in with_cohort_flags([ReportSummary.of(checker.check_path(p)) for p in samples],
                                                          checker.profile)]
    page.set_window_size(1600, 1300)  # the cohort view is short: no empty screenshot below it
    page.get(page.app_url)
    wait = WebDriverWait(page, WAIT)
    upload = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[type=file]")))
    upload.send_keys("\n".join(str(p) for p in samples))
    tab_path = f"//*[@role='tab'][contains(., '批次概况（{len(samples)} 份）')]"
    retry = (NoSuchElementException, StaleElementReferenceException, ElementClickInterceptedException)

    def open_tab(d) -> bool:  # the page re-renders while reports are checked: retry stale or covered tabs
        d.find_element(By.XPATH, tab_path).click()
        return d.find_element(By.XPATH, tab_path).get_attribute("aria-selected") == "true"

    WebDriverWait(page, WAIT, ignored_exceptions=retry).until(open_tab)
    wait.until(lambda d: any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, "[data-testid=stDataFrame]")))
    wait.until(lambda d: any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, ".vega-embed")))
    assert english_words(page, [p.name for p in samples] + [w for p in samples for w in report_words(p)]) == []
    screenshot(page, "cohort")

    row = [p.name for p in samples].index("j009.docx")  # a report no other test corrects
    table = next(e for e in page.find_elements(By.CSS_SELECTOR, "[data-testid=stDataFrame]") if e.is_displayed())
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", table)
    top, left = -table.rect["height"] / 2, -table.rect["width"] / 2  # offsets are from the table's centre
    ActionChains(page).move_to_element_with_offset(table, left + 12, top + ROW_HEIGHT * (row + 1.5)).click().perform()
    single = "//*[@role='tab'][contains(., '单篇报告')]"
    wait.until(lambda d: d.find_element(By.XPATH, single).get_attribute("aria-selected") == "true")
    wait.until(lambda d: any(samples[row].name in b.text for b in d.find_elements(By.CSS_SELECTOR, ".shuzhi-byline")
                             if b.is_displayed()))
    wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), f"结论：{verdicts[row]}"))
