"""Browser tests: a live server on a free port, driven by Playwright in Debian's Chromium."""

import os
import re
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest
import uvicorn
from sqlmodel import Session

from app import demo
from app.core import migrate
from app.core.db import make_engine
from app.main import create_app
from tests.conftest import IN_CI, test_settings

CHROMIUM = os.environ.get("STORMDRILL_CHROMIUM", "/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, since Playwright cannot download its own browser here."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_database_url() -> Iterator[str]:
    """A fresh, migrated SQLite file with the demo data loaded: the live server's database."""
    folder = tempfile.mkdtemp(prefix="stormdrill-e2e-")
    url = f"sqlite:///{Path(folder) / 'e2e.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        demo.load_demo(session)
    engine.dispose()
    yield url
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def live_server(live_database_url: str) -> Iterator[str]:
    """The real application on `live_database_url`."""
    url = live_database_url
    port = free_port()
    settings = test_settings(url)
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            with urlopen(f"{base}/health", timeout=1) as answer:
                if answer.status == 200:
                    break
        except (URLError, ConnectionError):
            time.sleep(0.1)
    yield base
    server.should_exit = True
    thread.join(timeout=10)


EXPECTED_ANSWER = re.compile(r"^Failed to load resource: .* status of (409|422) ")


@pytest.fixture
def console_errors(page) -> Iterator[list[str]]:
    """Collects browser console errors; a test asserts the list stays empty.

    Chromium logs every 4xx answer as "Failed to load resource". A 422 (a refused form
    shown again with its errors) or a 409 (a stale edit) is the application answering as
    designed, so those lines are left out; anything else counts.
    """
    errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error" and not EXPECTED_ANSWER.match(message.text):
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield errors


REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportViolation(
    `${event.violatedDirective} refused ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`
  );
});
"""


@pytest.fixture
def policy_problems(page) -> Iterator[list[str]]:
    """Content-Security-Policy violations and console errors of `page`, and answers without
    the policy; a test asserts the list stays empty. Chromium reports each refusal of the
    policy both as a `securitypolicyviolation` event and as a console error."""
    found: list[str] = []
    page.expose_function("reportViolation", lambda text: found.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda m: m.type == "error" and not EXPECTED_ANSWER.match(m.text) and found.append(m.text),
    )
    page.on("pageerror", lambda exc: found.append(exc.stack or str(exc)))

    def check_headers(answer) -> None:
        headers = answer.headers
        if "script-src 'self';" not in headers.get("content-security-policy", ""):
            found.append(f"no policy on {answer.url}")
        if headers.get("x-content-type-options") != "nosniff":
            found.append(f"no nosniff on {answer.url}")

    page.on("response", check_headers)
    yield found
