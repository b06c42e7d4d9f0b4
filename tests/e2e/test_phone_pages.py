"""On a small phone (320 px wide), in French (the longer words): every page an admin reaches,
and a running drill's pages, keep the screen's width (a wide table scrolls in its own box, a
long option never widens its form), and where a table scrolls axe-core stays clean (the box
takes the keyboard focus and has a name)."""

from playwright.sync_api import Page

from tests.e2e.test_accessibility import (
    back_to_english,
    choose,
    crawl,
    settled,
    sign_in,
    violations,
)
from tests.e2e.test_review import running_drill

SMALL_PHONE = {"width": 320, "height": 640}
LAPTOP = {"width": 1366, "height": 768}


def wider_than_the_screen(page: Page) -> int:
    """How many pixels the page would scroll sideways."""
    return page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")


def scrolling_tables(page: Page) -> list[list[str | None]]:
    """Each shown table box that scrolls sideways (not one in a closed <details>): its tab stop,
    role and name."""
    return page.eval_on_selector_all(
        ".table-scroll",
        """boxes => boxes
             .filter((box) => box.checkVisibility() && box.scrollWidth > box.clientWidth + 1)
             .map((box) => ['tabindex', 'role', 'aria-label'].map((a) => box.getAttribute(a)))""",
    )


def check(page: Page, url: str, problems: dict, scrolled: dict) -> None:
    page.goto(url)
    settled(page)
    if wider := wider_than_the_screen(page):
        problems[url] = f"{wider} px wider than the screen"
    if tables := scrolling_tables(page):
        scrolled[url] = tables
        if found := violations(page):
            problems[url] = found


def test_on_a_small_phone_every_page_keeps_the_screens_width(page: Page, live_server: str):
    sign_in(page, live_server, "admin@demo.stormdrill.test")
    pages = crawl(page, live_server)
    assert len(pages) >= 10, pages
    problems, scrolled = {}, {}
    choose(page, live_server, "Français")
    page.set_viewport_size(SMALL_PHONE)
    try:
        for path in pages:
            check(page, live_server + path, problems, scrolled)
    finally:
        page.set_viewport_size(LAPTOP)
        back_to_english(page, live_server)
    assert problems == {}
    # The demo's wide tables (the dashboard's drills, a plan's roles) do scroll here, and each
    # scrolling box is a named region the keyboard reaches.
    assert len(scrolled) >= 3, scrolled
    boxes = [box for tables in scrolled.values() for box in tables]
    assert all(tab == "0" and role == "region" and name for tab, role, name in boxes), scrolled


def test_on_a_small_phone_a_running_drills_pages_keep_the_screens_width(
    page: Page, live_server: str
):
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    drill_id = running_drill(page, live_server)
    problems, scrolled = {}, {}
    choose(page, live_server, "Français")
    page.set_viewport_size(SMALL_PHONE)
    try:
        for path in ("", "/console", "/control", "/lobby", "/roster"):
            check(page, f"{live_server}/drills/{drill_id}{path}", problems, scrolled)
    finally:
        page.set_viewport_size(LAPTOP)
        back_to_english(page, live_server)
    assert problems == {}
