"""Settings: read from STORMDRILL_* variables; no placeholder secret in production."""

import pytest
from pydantic import ValidationError

from app.core.settings import DEFAULT_SECRET, Settings


def test_settings_come_from_prefixed_environment_variables(monkeypatch):
    monkeypatch.setenv("STORMDRILL_PORT", "8765")
    monkeypatch.setenv("STORMDRILL_DEFAULT_LANGUAGE", "fr")
    settings = Settings(_env_file=None)
    assert (settings.port, settings.default_language) == (8765, "fr")


def test_production_refuses_the_default_secret():
    with pytest.raises(ValidationError, match="STORMDRILL_SECRET_KEY"):
        Settings(_env_file=None, environment="production", secret_key=DEFAULT_SECRET)


def test_production_accepts_a_real_secret_and_development_the_default():
    assert not Settings(
        _env_file=None, environment="production", secret_key="s3cr3t!"
    ).is_development
    assert Settings(_env_file=None).secret_key == DEFAULT_SECRET


def test_an_unknown_language_is_refused_with_the_field_named(monkeypatch):
    monkeypatch.setenv("STORMDRILL_DEFAULT_LANGUAGE", "de")
    with pytest.raises(ValidationError, match="default_language"):
        Settings(_env_file=None)
