"""Language negotiation and per-language formatting."""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core import i18n


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"),
        ("", "en"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "fr"),
        ("de-DE,de;q=0.9,fr;q=0.5", "fr"),
        ("en-GB;q=0.2,fr-CA;q=0.8", "fr"),
        ("de-DE", "en"),
        ("garbage;;q=x", "en"),
    ],
)
def test_negotiate_picks_the_best_supported_language(header, expected):
    assert i18n.negotiate(header) == expected


@pytest.mark.parametrize(
    ("language", "number", "expected"), [("en", 1234.5, "1,234.5"), ("fr", 1234.5, "1\u202f234,5")]
)
def test_numbers_follow_the_language(language, number, expected):
    token = i18n.current_language.set(language)
    try:
        assert i18n.format_number(number) == expected
    finally:
        i18n.current_language.reset(token)


def test_dates_follow_the_language():
    moment = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
    token = i18n.current_language.set("fr")
    try:
        assert "mars" in i18n.format_datetime(moment)
    finally:
        i18n.current_language.reset(token)


def test_words_for_every_reader_come_as_one_span_per_language():
    words = i18n.in_every_language(lambda: {"when": i18n.gettext("Never")})
    html = str(words["when"])
    for language in i18n.LANGUAGES:
        token = i18n.current_language.set(language)
        try:
            expected = i18n.gettext("Never")
        finally:
            i18n.current_language.reset(token)
        assert f'<span class="ui-{language}" lang="{language}">{expected}</span>' in html
    assert html.count("<span") == len(i18n.LANGUAGES)


def test_a_language_table_reads_in_the_current_language():
    table = i18n.LanguageTable({"en": {"k": "Reply"}, "fr": {"k": "Réponse"}})
    token = i18n.current_language.set("fr")
    try:
        assert table["k"] == "Réponse" and list(table) == ["k"] and table.get("x") is None
    finally:
        i18n.current_language.reset(token)


def test_every_template_shows_moments_in_the_one_shape_per_language():
    """`| datetime` takes no format: a page choosing its own would mix shapes again."""
    root = Path(__file__).resolve().parents[2] / "templates"
    chosen = re.compile(r"\|\s*datetime\s*\(")
    offenders = [
        str(path.relative_to(root))
        for path in sorted(root.rglob("*.html"))
        if chosen.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == [], "write `| datetime` without a format in: " + ", ".join(offenders)
