"""`shuzhi serve`: the review page on this machine only (127.0.0.1) unless --lan, with every Streamlit setting
given on the command line, so that it holds wherever the command is started. No usage statistics, no file
watcher, no welcome message (Streamlit's looks up the machine's external address)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from checker.review.access import password_hash

# The browser refuses files above this with Streamlit's own message; files between the reader's limit and this
# reach the page and get the reader's Chinese 文件过大 line.
UPLOAD_CEILING_MB = 200
PASSWORD_ENV = "SHUZHI_PASSWORD_HASH"  # the page asks for this password before anything else
LOCAL = "127.0.0.1"


def page_script() -> Path:
    """The page, in a folder whose module names shadow nothing (Streamlit puts the script's folder on sys.path)."""
    return Path(str(resources.files("checker.review").joinpath("app.py")))


def streamlit_options(address: str, port: int) -> list[str]:
    return [f"--server.address={address}", f"--server.port={port}", "--server.headless=true",
            f"--server.maxUploadSize={UPLOAD_CEILING_MB}", "--server.fileWatcherType=none",
            "--browser.gatherUsageStats=false", "--theme.primaryColor=#0072B2", f"--browser.serverAddress={address}",
            "--logger.hideWelcomeMessage=true",
            "--client.toolbarMode=minimal", "--global.developmentMode=false"]


def serve_environment(password: str | None) -> dict[str, str]:
    env = dict(os.environ)
    if password:
        env[PASSWORD_ENV] = password_hash(password)
    return env


def command(address: str, port: int) -> list[str]:
    import sys

    return [sys.executable, "-m", "streamlit", "run", str(page_script()), *streamlit_options(address, port)]
