"""The consoles on a laptop (1366×768) and a phone (390×844), in both languages: what must be
on screen without scrolling is, the phone's header and tabs work, and axe-core stays clean."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import back_to_english, sign_in, violations
from tests.e2e.test_review import running_drill

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
LANGUAGES = ("English", "Français")


def within(page: Page, selector: str) -> dict:
    """The element's box, asserted to lie wholly inside the viewport."""
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    assert box is not None, f"{selector} is not displayed"
    assert box["x"] >= 0 and box["y"] >= 0, (selector, box)
    assert box["x"] + box["width"] <= size["width"] + 0.5, (selector, box, size)
    assert box["y"] + box["height"] <= size["height"] + 0.5, (selector, box, size)
    return box


def posts_on_screen(page: Page) -> int:
    """How many feed posts are wholly visible inside the feed's scrolling box."""
    return page.evaluate(
        """() => {
          const list = document.querySelector('#feed-posts').getBoundingClientRect();
          return [...document.querySelectorAll('#feed-posts .post')].filter((post) => {
            const box = post.getBoundingClientRect();
            return box.height > 0 && box.top >= list.top - 1 && box.bottom <= list.bottom + 1
              && box.bottom <= window.innerHeight;
          }).length;
        }"""
    )


@pytest.fixture
def trainer_drill(page: Page, live_server: str):
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    drill_id = running_drill(page, live_server, speed=30)
    yield drill_id
    page.set_viewport_size(LAPTOP)
    back_to_english(page, live_server)


def choose(page: Page, base: str, language: str) -> None:
    page.goto(f"{base}/")
    page.get_by_role("button", name=language).click()


def test_on_a_laptop_the_feed_inbox_and_approvals_show_without_scrolling(
    page: Page, live_server: str, trainer_drill: int
):
    page.set_viewport_size(LAPTOP)
    problems = {}
    for language in LANGUAGES:
        choose(page, live_server, language)
        page.goto(f"{live_server}/drills/{trainer_drill}/console")
        expect(page.locator("#console-tabs, .console-tabs")).to_be_hidden()
        page.wait_for_function("() => document.querySelectorAll('#feed-posts .post').length > 6")
        # The inbox and the approvals scroll inside their own boxes, under their headings.
        for selector in (
            "#panel-feed",
            ".live-panel:has(> #console-inbox)",
            "#console-inbox h2",
            ".live-panel:has(> #console-approvals)",
            "#console-approvals h2",
            "#composer-text",
        ):
            within(page, selector)
        assert posts_on_screen(page) > 3
        assert page.evaluate("document.scrollingElement.scrollWidth") <= LAPTOP["width"]
        if found := violations(page):
            problems[f"{language} console"] = found
    assert problems == {}


def test_the_facilitator_console_shows_the_feed_the_sentiment_and_the_volume(
    page: Page, live_server: str, trainer_drill: int
):
    page.set_viewport_size(LAPTOP)
    problems = {}
    for language in LANGUAGES:
        choose(page, live_server, language)
        page.goto(f"{live_server}/drills/{trainer_drill}/control")
        page.wait_for_function("() => document.querySelectorAll('#control-live .post').length > 2")
        # The feed summary comes every few seconds: the mood and the volume are drawn from it.
        expect(page.locator("#kpi-sentiment-label")).to_have_text(
            re.compile(r"^-?\d\.\d\d$"), timeout=15_000
        )
        assert page.locator("#kpi-volume polyline").get_attribute("points")
        within(page, "#control-live h2")
        if found := violations(page):
            problems[f"{language} control"] = found
    assert problems == {}


def test_on_a_phone_the_header_fits_and_the_console_works_in_tabs(
    page: Page, live_server: str, trainer_drill: int
):
    page.set_viewport_size(PHONE)
    problems = {}
    for language in LANGUAGES:
        choose(page, live_server, language)
        page.goto(f"{live_server}/drills/{trainer_drill}/console")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
        within(page, ".mainnav form[action='/logout'] button")
        for name in LANGUAGES:
            within(page, f".lang-switch button:text-is('{name}')")
        tabs = page.get_by_role("tab")
        expect(tabs).to_have_count(3)
        within(page, "[role=tablist]")
        expect(page.locator("#panel-feed")).to_be_visible()
        expect(page.locator("#panel-incoming")).to_be_hidden()
        assert tabs.nth(0).get_attribute("aria-selected") == "true"
        tabs.nth(0).focus()
        page.keyboard.press("ArrowRight")
        expect(tabs.nth(1)).to_be_focused()
        expect(tabs.nth(1)).to_have_attribute("aria-selected", "true")
        expect(page.locator("#panel-feed")).to_be_hidden()
        expect(page.locator("#panel-incoming")).to_have_attribute("role", "tabpanel")
        within(page, "#console-approvals h2")
        within(page, "#console-inbox h2")
        if found := violations(page):
            problems[f"{language} inbox tab"] = found
        page.keyboard.press("End")
        expect(tabs.nth(2)).to_have_attribute("aria-selected", "true")
        expect(page.locator("#composer-text")).to_be_visible()
        page.keyboard.press("Home")
        expect(page.locator("#panel-feed")).to_be_visible()
        page.wait_for_function("() => document.querySelectorAll('#feed-posts .post').length > 3")
        if found := violations(page):
            problems[f"{language} feed tab"] = found
        assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    assert problems == {}


def test_on_a_phone_the_header_fits_on_every_main_page(page: Page, live_server: str):
    sign_in(page, live_server, "admin@demo.stormdrill.test")
    page.set_viewport_size(PHONE)
    try:
        for language in LANGUAGES:
            choose(page, live_server, language)
            for path in ("/", "/plans", "/drills", "/admin/members"):
                page.goto(live_server + path)
                within(page, ".mainnav form[action='/logout'] button")
                within(page, ".topbar")
                header = page.locator(".topbar")
                assert header.evaluate("bar => bar.scrollWidth <= bar.clientWidth"), (
                    language,
                    path,
                )
    finally:
        page.set_viewport_size(LAPTOP)
        back_to_english(page, live_server)
