"""Operations: request ids, structured logs, Prometheus metrics, on the real server too."""

import asyncio
import gc
import json
import logging
import os
import subprocess
import sys
import time
from urllib.request import Request, urlopen

import uvicorn
from prometheus_client.parser import text_string_to_metric_families
from typer.testing import CliRunner

from app import cli
from app.core import logs, migrate
from app.core.logs import ContextFilter, JsonFormatter, RequestContext
from tests.drills.redis_server import free_port
from tests.drills.test_events import read_events, running_team
from tests.factories import sign_in

LIVE_METRICS = {
    "stormdrill_consoles_connected", "stormdrill_drivers_running",
    "stormdrill_events_published", "stormdrill_events_delivered", "stormdrill_lock_takeovers",
    "stormdrill_broker_errors", "stormdrill_pool_errors", "stormdrill_pool_connections_in_use",
}  # fmt: skip


def samples(text: str) -> dict[str, float]:
    """Each metric's samples summed over their labels, by sample name."""
    found: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found[sample.name] = found.get(sample.name, 0.0) + sample.value
    return found


def test_a_request_gets_an_id_and_a_sane_given_one_is_kept(client):
    fresh = client.get("/health").headers["x-request-id"]
    assert len(fresh) == 32 and fresh != client.get("/health").headers["x-request-id"]
    assert client.get("/health", headers={"X-Request-ID": "lb-42"}).headers["x-request-id"] == (
        "lb-42"
    )
    forged = client.get("/health", headers={"X-Request-ID": "a b\x01"}).headers["x-request-id"]
    assert forged != "a b\x01" and len(forged) == 32


def test_log_lines_carry_time_level_request_and_drill():
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(self.format(record))

    handler = Collect()
    handler.addFilter(ContextFilter())
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.operations")
    logger.addHandler(handler)

    async def inner(scope, receive, send):
        logger.warning("inside %s", scope["path"])
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def send(message):
        pass

    scope = {"type": "http", "path": "/drills/42/console", "headers": [(b"x-request-id", b"r1")]}
    try:
        asyncio.run(RequestContext(inner)(scope, None, send))
    finally:
        logger.removeHandler(handler)
    line = json.loads(lines[0])
    assert (line["request_id"], line["drill_id"], line["level"]) == ("r1", 42, "WARNING")
    assert line["message"] == "inside /drills/42/console" and line["ts"].endswith("+00:00")
    assert logs.request_id.get() is None and logs.drill_id.get() is None


def test_metrics_count_consoles_and_delivered_events(client, session, factory):
    team = running_team(session, factory)
    sign_in(client, team.spokesperson)
    before = samples(client.get("/metrics").text)
    assert LIVE_METRICS <= {name.removesuffix("_total") for name in before}
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    path = f"/drills/{team.drill.id}/events"
    client.portal.call(read_events, client.app, path, cookie, b"event: post\r\n")
    after = samples(client.get("/metrics").text)
    delivered = "stormdrill_events_delivered_total"
    published = "stormdrill_events_published_total"
    assert after[delivered] > before[delivered] and after[published] > before[published]


def test_the_real_server_logs_json_lines_and_serves_metrics(tmp_path):
    url = f"sqlite:///{tmp_path / 'ops.db'}"
    migrate.upgrade(url)
    port = free_port()
    environment = {**os.environ, "STORMDRILL_DATABASE_URL": url, "STORMDRILL_PORT": str(port),
                   "STORMDRILL_ENVIRONMENT": "test", "STORMDRILL_LOG_FORMAT": "json"}  # fmt: skip
    environment.pop("STORMDRILL_REDIS_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve"], env=environment, stderr=subprocess.PIPE
    )
    try:
        text = wait_for(f"http://127.0.0.1:{port}/metrics")
        assert "stormdrill_consoles_connected" in text
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=20)
    records = [json.loads(line) for line in errors.decode().splitlines() if line.strip()]
    assert records and all({"ts", "level", "request_id", "drill_id"} <= set(r) for r in records)
    assert any("must be the only one serving" in r["message"] for r in records)


def wait_for(url: str, timeout_s: float = 30) -> str:
    """The body of GET `url` once the server answers."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urlopen(Request(url), timeout=2) as answer:
                return answer.read().decode()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_collects_young_garbage_less_often(monkeypatch):
    """A served process runs the collector of young objects every GC_YOUNG_THRESHOLD
    allocations, not Python's 700 (hundreds of passes a minute under load)."""
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    before = gc.get_threshold()
    try:
        result = CliRunner().invoke(cli.app, ["serve", "--port", "1"])
        assert result.exit_code == 0, result.output
        assert gc.get_threshold() == (cli.GC_YOUNG_THRESHOLD, *before[1:])
    finally:
        gc.set_threshold(*before)
    assert cli.GC_YOUNG_THRESHOLD > before[0]
