"""Every page an admin reaches, in both languages, passes axe-core's WCAG 2.1 A/AA rules, and
runs under its Content-Security-Policy (the one walk of every page checks both: each visit of
a page costs seconds of the suite)."""

from pathlib import Path
from urllib.parse import urljoin, urlsplit

from playwright.sync_api import Page

from app.demo import DEMO_PASSWORD
from tests.e2e.test_review import running_drill

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Files and streams, not pages: exports, the live event stream, static assets.
NOT_PAGES = (".csv", ".pdf", ".json", ".jsonl", ".yaml", ".svg", "/events", "/static/", "/api/")
MOST_PAGES = 60
LANGUAGES = ("Français", "English")
# A running drill's pages that stream its feed, and the feed's element. They never go idle
# (posts, avatars and the panels they refresh keep coming), so the check waits for a post.
LIVE_FEEDS = {"console": "#console", "control": "#control-live"}


def violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it stands, one line each with the failing nodes."""
    page.evaluate(AXE.read_text())  # evaluate, not a script tag: the page's CSP may refuse inline
    found = page.evaluate(
        "cfg => axe.run(document, cfg).then(r => r.violations)",
        {
            "runOnly": {"type": "tag", "values": WCAG},
        },
    )
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}" for v in found]


def settled(page: Page) -> None:
    """Wait until the requests htmx made as the page loaded are answered and swapped in."""
    page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-settling')")


def crawl(page: Page, base: str) -> list[str]:
    """The app's own pages reachable by links from the home page, breadth first."""
    seen, queue = [], ["/"]
    while queue and len(seen) < MOST_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        page.goto(base + path)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(urljoin(base + path, href))
            link = parts.path
            if parts.netloc != urlsplit(base).netloc or link.endswith(NOT_PAGES):
                continue
            if any(marker in link for marker in NOT_PAGES) or link in seen or link in queue:
                continue
            queue.append(link)
    return seen


def choose(page: Page, base: str, language: str) -> None:
    """Switch the signed-in user to `language`, by its button's name."""
    page.goto(f"{base}/")
    page.get_by_role("button", name=language).click()


def back_to_english(page: Page, base: str) -> None:
    """Leave the signed-in user in English, as the other browser tests expect them."""
    choose(page, base, "English")


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def test_the_sign_in_page_has_no_accessibility_violations(page: Page, live_server: str):
    page.goto(f"{live_server}/login")
    assert violations(page) == []


def test_every_page_in_both_languages_passes_axe_and_runs_under_the_policy(
    page: Page, live_server: str, policy_problems: list[str]
):
    sign_in(page, live_server, "admin@demo.stormdrill.test")
    pages = crawl(page, live_server)
    assert len(pages) >= 10, pages  # the crawl reached the app, not only the home page
    problems = {}
    try:
        for language in LANGUAGES:
            choose(page, live_server, language)
            for path in pages:
                page.goto(live_server + path)
                settled(page)
                if found := violations(page):
                    problems[f"{language} {path}"] = found
    finally:  # the language is remembered for the user, and other tests sign in as them
        back_to_english(page, live_server)
    assert {"axe": problems, "policy": policy_problems} == {"axe": {}, "policy": []}


def test_a_running_drills_pages_have_no_accessibility_violations(page: Page, live_server: str):
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    drill_id = running_drill(page, live_server)
    problems = {}
    try:
        for language in LANGUAGES:
            choose(page, live_server, language)
            for path in ("console", "control", "lobby", "roster", ""):
                page.goto(f"{live_server}/drills/{drill_id}/{path}".rstrip("/"))
                if feed := LIVE_FEEDS.get(path):  # checked once its first posts are on screen
                    page.wait_for_function(
                        "feed => document.querySelector(`${feed} .post`)"
                        " || document.querySelector(feed).dataset.status === 'ended'",
                        arg=feed,
                    )
                if found := violations(page):
                    problems[f"{language} {path or 'drill'}"] = found
    finally:
        back_to_english(page, live_server)
    assert problems == {}
