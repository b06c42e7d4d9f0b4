"""The editor's live parts in a browser: the volume chart redrawn as the trainer types a
phase's rate (and drawing the storm's own curve), sample posts of a template fetched with the
keyboard and refreshed as its text changes (a bad grammar named beside it), an inject's
condition showing only the select it needs, in each language; no WCAG violation, no console
error (so nothing the content security policy refused); every page fits a phone."""

import math
import re

import pytest
from playwright.sync_api import Page, expect

from app.scenarios.models import Shape, parse_duration
from app.storm.volume import shape_value
from tests.e2e.test_accessibility import back_to_english, sign_in, violations
from tests.e2e.test_console_layout import PHONE

WORDS = {
    "en": {
        "language": "English",
        "copy": "Copy",
        "sample": "Show sample posts",
        "grammar": "bad grammar: '[' is never closed with ']'",
        "fires": "Fires when",
        "rumour kind": "A rumour not corrected by its time",
        "rumour": "The rumour (for a rumour not corrected)",
        "fact": "The fact (for a text that denies it)",
        "message": "The message (for one left unanswered)",
    },
    "fr": {
        "language": "Français",
        "copy": "Copier",
        "sample": "Voir des exemples",
        "grammar": "grammaire incorrecte : '[' n’est jamais fermé par ']'",
        "fires": "Se déclenche si",
        "rumour kind": "Une rumeur non corrigée à son heure",
        "rumour": "La rumeur (pour une rumeur non corrigée)",
        "fact": "Le fait (pour un texte qui le nie)",
        "message": "Le message (pour un message sans réponse)",
    },
}


def copied_scenario(page: Page, live_server: str, words: dict[str, str]) -> str:
    """The editor's address of a library scenario the trainer copied, in their language."""
    page.get_by_role("button", name=words["language"]).click()
    page.goto(f"{live_server}/studio/scenarios")
    page.get_by_role("button", name=words["copy"], exact=True).click()
    return page.url.split("?")[0]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_volume_chart_and_the_sample_posts_follow_what_the_trainer_types(
    page: Page, live_server: str, console_errors: list[str], language: str
):
    words = WORDS[language]
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    try:
        editor = copied_scenario(page, live_server, words)
        page.goto(f"{editor}/edit/phases")
        expect(page.locator("#volume-chart canvas")).to_be_attached()
        peak = page.locator("#volume-peak")
        expect(peak).not_to_be_empty()
        # A phase held at 300 posts a minute is the peak, whatever the others do.
        page.locator("#f-phases-1-volume-start_per_min").fill("300")
        page.locator("#f-phases-1-volume-end_per_min").fill("300")
        expect(peak).to_contain_text("300")
        assert violations(page) == []

        page.goto(f"{editor}/edit/posts")
        page.locator("#f-templates-fr-0 > summary").focus()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")  # into the post's fields, then on to its sample button
        button = page.locator("#f-templates-fr-0").get_by_role("button", name=words["sample"])
        button.focus()
        page.keyboard.press("Enter")
        samples = page.locator("#sample-templates-fr-0 li")
        expect(samples.first).to_be_visible()
        page.locator("#f-templates-fr-0-text").fill("[Toujours fermé|Encore fermé] ce matin")
        expect(samples.first).to_contain_text(re.compile("fermé", re.IGNORECASE))
        page.locator("#f-templates-fr-0-text").fill("[jamais refermé")
        expect(page.locator("#sample-templates-fr-0 .field-error")).to_contain_text(
            words["grammar"]
        )
        assert violations(page) == []
        assert console_errors == []
    finally:
        back_to_english(page, live_server)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_injects_condition_shows_only_the_select_it_needs(
    page: Page, live_server: str, console_errors: list[str], language: str
):
    words = WORDS[language]
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    try:
        page.goto(copied_scenario(page, live_server, words) + "/edit/injects")
        inject = page.locator("#f-injects-0")
        for name in ("rumour", "fact", "message"):
            expect(inject.get_by_label(words[name])).to_be_hidden()
        inject.get_by_label(words["fires"]).select_option(label=words["rumour kind"])
        expect(inject.get_by_label(words["rumour"])).to_be_visible()
        expect(inject.get_by_label(words["fact"])).to_be_hidden()
        expect(inject.get_by_label(words["message"])).to_be_hidden()
        assert violations(page) == []
        assert console_errors == []
    finally:
        back_to_english(page, live_server)


def test_every_page_of_the_editor_fits_a_phone_with_its_fields_stacked(
    page: Page, live_server: str
):
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    page.goto(f"{live_server}/studio/scenarios")
    page.get_by_role("button", name="Copy", exact=True).click()
    editor = page.url.split("?")[0]
    page.set_viewport_size(PHONE)
    for path in ("", "/edit/phases", "/edit/posts", "/edit/injects", "/edit/expectations"):
        page.goto(f"{editor}{path}")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"], path
        row = page.locator(".field-row").first
        lefts = {round(box["x"]) for box in (f.bounding_box() for f in row.locator(".field").all())}
        assert len(lefts) == 1, (path, lefts)


def chart_peak(phases: list[tuple], duration: int) -> tuple[float, int]:
    """The peak the chart names, computed as studio.js samples the curve (241 points, rates
    to a tenth) but with the storm's own `shape_value`."""
    total = max(duration, *(phase[1] for phase in phases), 60)
    best = (-1.0, 0)
    for i in range(241):
        t = min(total * i / 240, total - 0.001)
        running = [p for p in sorted(phases) if p[0] <= t][-1:]
        value = 0.0
        if running and t < running[0][1]:
            start, end, low, high, shape = running[0]
            value = max(0.0, shape_value(Shape(shape), low, high, (t - start) / (end - start)))
        value = math.floor(value * 10 + 0.5) / 10
        if value > best[0]:
            best = (value, math.floor(t / 60 + 0.5))
    return best


def phase_typed(page: Page, row: int) -> tuple:
    """(start, end, start rate, end rate, shape) of a phase as its fields read now."""

    def value(name: str) -> str:
        return page.locator(f"#f-phases-{row}-{name}").input_value()

    return (
        parse_duration(value("start")),
        parse_duration(value("end")),
        float(value("volume-start_per_min")),
        float(value("volume-end_per_min")),
        value("volume-shape"),
    )


def test_the_chart_draws_the_storms_own_curve(page: Page, live_server: str):
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    page.goto(f"{live_server}/studio/scenarios")
    page.get_by_role("button", name="Copy", exact=True).click()
    page.goto(page.url.split("?")[0] + "/edit/phases")
    page.locator("#f-phases-1-volume-start_per_min").fill("2")
    page.locator("#f-phases-1-volume-end_per_min").fill("200")
    page.locator("#f-phases-1-volume-shape").select_option("exponential")
    saved_rows = page.locator("[data-phase]").count() - 1  # the last row adds a phase
    phases = [phase_typed(page, i) for i in range(saved_rows)]
    rate, minute = chart_peak(phases, parse_duration(page.locator("#f-duration").input_value()))
    expect(page.locator("#volume-peak")).to_have_text(
        f"Peak: {rate:g} posts per minute at minute {minute}."
    )
