"""The deployment example in deploy/ (README, "Running in production") holds what production
needs; tests/live/test_production.py runs it, these check what a run cannot tell apart (the
app already asks proxies not to buffer its streams, so nginx's own settings must be read)."""

import re

import pytest

from app.core.middleware import security_headers
from app.core.settings import Settings
from tests.live.harness.units import DEPLOY, directives, env_file

EXAMPLE = DEPLOY / "stormdrill.env"


def location(config: str, pattern: str) -> str:
    """The body of the nginx `location` block whose header matches `pattern`."""
    found = re.search(r"location\s+" + pattern + r"\s*\{([^}]*)\}", config)
    assert found, f"deploy/nginx.conf has no location {pattern}"
    return found.group(1)


def test_the_events_location_streams_without_buffer_nor_compression():
    config = (DEPLOY / "nginx.conf").read_text()
    events = location(config, re.escape("~ ^/drills/[0-9]+/events$"))
    for directive in ("proxy_buffering off;", "gzip off;", "proxy_pass http://stormdrill;"):
        assert directive in events
    timeout = re.search(r"proxy_read_timeout (\d+)h;", events)
    assert timeout and int(timeout.group(1)) >= 1, "streams stay open for hours"
    assert "return 404;" in location(config, "= /metrics")
    for header in ("X-Forwarded-For $remote_addr", "X-Forwarded-Proto $scheme"):
        assert f"proxy_set_header {header};" in config


def test_the_example_environment_is_a_valid_production_configuration(monkeypatch):
    values = env_file(EXAMPLE)
    fields = {f"STORMDRILL_{name.upper()}" for name in Settings.model_fields}
    assert set(values) <= fields, f"not settings (ignored): {set(values) - fields}"
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    settings = Settings(_env_file=None)
    assert settings.environment == "production"
    assert settings.database_url.startswith("postgresql+psycopg://")
    assert settings.redis_url and settings.log_format == "json"
    assert settings.trusted_proxies == "127.0.0.1"


@pytest.mark.parametrize("unit", ["stormdrill@.service", "stormdrill-migrate.service"])
def test_the_units_run_unprivileged_from_the_environment_file(unit):
    service = directives(DEPLOY / unit)
    assert service["User"] not in (["root"], ["0"])
    assert service["EnvironmentFile"] == ["/etc/stormdrill/stormdrill.env"]


def test_each_instance_waits_for_the_migration_and_restarts():
    instance = (DEPLOY / "stormdrill@.service").read_text()
    assert "Requires=stormdrill-migrate.service" in instance
    assert re.search(r"^After=.*stormdrill-migrate\.service", instance, re.M)
    service = directives(DEPLOY / "stormdrill@.service")
    assert service["Restart"] in (["always"], ["on-failure"])
    assert "--port %i" in service["ExecStart"][0]
    assert directives(DEPLOY / "stormdrill-migrate.service")["Type"] == ["oneshot"]


def test_nginx_sends_the_applications_security_headers_with_the_static_files(monkeypatch):
    for name, value in env_file(EXAMPLE).items():
        monkeypatch.setenv(name, value)
    hsts = Settings(_env_file=None).hsts_max_age
    expected = {
        name.decode().lower(): value.decode() for name, value in security_headers("/static/", hsts)
    }
    static = location((DEPLOY / "nginx.conf").read_text(), re.escape("/static/"))
    sent = {
        name.lower(): value
        for name, value in re.findall(r'add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', static)
    }
    assert sent == expected
    assert "add_header" not in (DEPLOY / "nginx.conf").read_text().replace(static, "")
