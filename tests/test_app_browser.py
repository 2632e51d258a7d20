"""End to end in headless Chromium: start `shuzhi serve`, upload a sample, see coloured sentences and flags.

The server is started as a user would start it (no address given): it must listen on 127.0.0.1 only and
open no outbound connection (a socket guard in the server processes records any). Uses Debian's chromium and
chromium-driver (installed here with apt-get when missing and running as root) through Selenium; saves
screenshots to test-artifacts/.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import psutil

from checker.pipeline import Checker
from checker.render.page import sample_paths

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
PACKAGES = ["chromium", "chromium-driver"]
CJK_FONT = "fonts-wqy-microhei"  # only so that the screenshot is legible
CHROMIUM_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run", "--window-size=1600,3200"]
WAIT = 90
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
    env = os.environ | {"SHUZHI_DB": str(folder / "corrections.sqlite"), "PYTHONPATH": str(folder / "guard"),
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


def test_upload_shows_coloured_sentences_and_flags(app_url, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    sample = next(p for p in sample_paths() if p.name == "v016.docx")
    expected = Checker().check_path(sample)
    labels = [s._.label for s in expected.sents]
    flags = expected._.flags
    assert flags, "the sample is expected to raise at least one flag"

    driver.get(app_url)
    wait = WebDriverWait(driver, WAIT)
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[type=file]"))).send_keys(str(sample))
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "span.sent[data-index]")) == len(labels))
    spans = driver.find_elements(By.CSS_SELECTOR, "span.sent[data-index]")
    for span, label in zip(spans, labels):
        assert f"label-{label}" in span.get_attribute("class").split()
    colours = {span.value_of_css_property("background-color") for span in spans}
    assert len(colours) == len(set(labels))  # one colour per label, styles applied
    wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "body"), f"问题清单（{len(flags)}）"))
    body = driver.find_element(By.TAG_NAME, "body").text
    for flag in flags:
        assert flag.message in body
    assert f"结论：{expected._.verdict.value}" in body
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".vega-embed canvas, .vega-embed svg"))
    time.sleep(1)  # let the chart finish drawing before the screenshot
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "app_report.png"))

    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [r for r in resources if not r.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert outside == [], "the page must not load anything from outside (CDN, fonts, telemetry)"


def test_several_uploads_show_the_cohort(app_url, driver):
    from selenium.common.exceptions import (ElementClickInterceptedException, NoSuchElementException,
                                            StaleElementReferenceException)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    samples = sample_paths()
    assert len(samples) >= 2
    driver.get(app_url)
    wait = WebDriverWait(driver, WAIT)
    upload = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "input[type=file]")))
    upload.send_keys("\n".join(str(p) for p in samples))
    tab_path = f"//*[@role='tab'][contains(., '批次概况（{len(samples)} 份）')]"

    def open_tab(d) -> bool:  # the page re-renders while reports are checked: retry stale or covered tabs
        d.find_element(By.XPATH, tab_path).click()
        return d.find_element(By.XPATH, tab_path).get_attribute("aria-selected") == "true"

    WebDriverWait(driver, WAIT, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException,
                                                    ElementClickInterceptedException)).until(open_tab)
    wait.until(lambda d: any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, "[data-testid=stDataFrame]")))
    wait.until(lambda d: any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, ".vega-embed")))
    time.sleep(1)
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "app_cohort.png"))
