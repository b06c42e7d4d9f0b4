"""Drills a team can trust, in the browser: the drill's own brand, placeholders never published,
the rumour list growing live, a correction answering its inject, deletion after confirming."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_live_drill import api, signed_in

TRAINER = "trainer@demo.stormdrill.test"
WORDS = {
    "en": {"practice": "Practice", "rehearsal": "Rehearsal", "fill": "Fill in every placeholder",
           "no_approval": "No approval needed"},
    "fr": {"practice": "Entraînement", "rehearsal": "Répétition",
           "fill": "Complétez chaque champ", "no_approval": "Pas de validation"},
}  # fmt: skip


def trainer_in(browser: Browser, base: str, language: str, errors: list[str]) -> Page:
    """The demo trainer, signed in, reading the app in `language`."""
    page = signed_in(browser.new_context(), base, TRAINER, errors)
    if language == "fr":
        page.get_by_role("button", name="Français").click()
        expect(page.locator("html")).to_have_attribute("lang", "fr")
    return page


def back_to_english(page: Page) -> None:
    """The demo trainer's language is shared by every browser test: leave it in English."""
    if page.locator("html").get_attribute("lang") == "fr":
        page.get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")


def english_plan_version(page: Page) -> int:
    """The demo's approved English plan version (no approval needed at severity 1)."""
    plans = api(page, "GET", "/api/plans")["data"]
    plan = next(p for p in plans if p["title"].startswith("Customer data breach"))
    return api(page, "GET", f"/api/plans/{plan['id']}/versions")["data"][0]["id"]


def running_drill(page: Page, speed: float, **fields: object) -> int:
    """A tutorial drill of the English plan, started at `speed`: its id."""
    body = {"plan_version_id": english_plan_version(page), "scenario_id": "tutorial",
            "language": "en", "speed": speed, "seed": 5, **fields}  # fmt: skip
    drill = api(page, "POST", "/api/drills", body)
    api(page, "POST", f"/api/drills/{drill['id']}/start")
    return drill["id"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_set_up_names_the_brand_and_the_console_speaks_of_it(browser, live_server, language):
    errors: list[str] = []
    page = trainer_in(browser, live_server, language, errors)
    try:
        page.goto(f"{live_server}/drills/new")
        page.locator("#f-scenario_id").select_option("service-outage")
        page.locator("#f-brand").fill("Northbank")
        page.locator("#f-brand_handle").fill("@northbank")
        page.locator("#f-mode").select_option("practice")
        page.locator("#drill-setup button[type=submit]").click()
        page.wait_for_url(re.compile(r"/drills/\d+$"))
        expect(page.locator("#drill-brand")).to_have_text("Northbank · @northbank")
        expect(page.locator("#drill-mode")).to_contain_text(WORDS[language]["practice"])
        drill_id = int(page.url.rsplit("/", 1)[1])
        page.locator("#drill-mode-form select").select_option("rehearsal")
        page.locator("#drill-mode-form button[type=submit]").click()
        expect(page.locator("#drill-mode")).to_contain_text(WORDS[language]["rehearsal"])
        api(page, "POST", f"/api/drills/{drill_id}/speed", {"speed": 60})
        api(page, "POST", f"/api/drills/{drill_id}/start")
        page.goto(f"{live_server}/drills/{drill_id}/console")
        inbox = page.locator("#console-inbox .inbox-item")
        expect(inbox.first).to_be_visible(timeout=30_000)  # IT's message comes at 3 min (3 s)
        expect(page.locator("#feed-posts .post").first).to_be_visible(timeout=60_000)
        expect(page.locator("#feed-posts")).to_contain_text("Northbank", timeout=60_000)
        assert "Kovalia" not in page.locator("#console").inner_text()
        api(page, "POST", f"/api/drills/{drill_id}/end")
        page.goto(f"{live_server}/drills/{drill_id}")
        page.locator("#delete-link").click()
        page.locator("#confirm-delete").click()
        page.wait_for_url(re.compile(r"/drills$"))
        expect(page.locator(f"a[href='/drills/{drill_id}']")).to_have_count(0)
    finally:
        back_to_english(page)
    assert errors == [], errors[:3]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_composer_fills_what_it_can_and_refuses_the_rest(browser, live_server, language):
    errors: list[str] = []
    page = trainer_in(browser, live_server, language, errors)
    try:
        drill_id = running_drill(page, 5)
        page.goto(f"{live_server}/drills/{drill_id}/console")
        expect(page.locator("#approval-rule")).to_contain_text(WORDS[language]["no_approval"])
        message = page.locator("#composer-message option[data-text*='{']").first
        value = message.get_attribute("value")
        assert "{brand}" not in (message.get_attribute("data-text") or "")
        page.locator("#composer-message").select_option(value)
        left = page.locator("#composer-placeholders")
        expect(left).to_be_visible()
        marks = left.locator("mark").all_inner_texts()
        assert marks and all(re.fullmatch(r"\{\w+\}", mark) for mark in marks)
        assert "{brand}" not in marks and "{product}" not in marks
        page.locator("#composer-form [data-primary]").click()
        error = page.locator("#composer-text-error")
        expect(error).to_contain_text(WORDS[language]["fill"])
        for mark in marks:
            expect(error).to_contain_text(mark)
        page.locator("#composer-text").fill("Our Corn Street café is closed; news at noon.")
        expect(left).to_be_hidden()
    finally:
        back_to_english(page)
    assert errors == [], errors[:3]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_rumour_list_grows_live_and_a_correction_answers_its_inject(
    browser, live_server, language
):
    errors: list[str] = []
    page = trainer_in(browser, live_server, language, errors)
    try:
        correct_a_rumour_live(page, live_server)
    finally:
        back_to_english(page)
    assert errors == [], errors[:3]


def correct_a_rumour_live(page: Page, live_server: str) -> None:
    """The rumour shows in the list without a reload; a denial of it answers its inject."""
    drill_id = running_drill(page, 10)  # the rumour appears at 3 min: 18 s from now
    page.goto(f"{live_server}/drills/{drill_id}/console")
    rumour = page.locator("#composer-rumour option[value='health-inspection']")
    if float(page.locator("#console").get_attribute("data-sim-s") or 0) < 170:
        expect(rumour).to_have_count(0)  # not there when the page loaded…
    expect(rumour).to_have_count(1, timeout=40_000)  # …and there without reloading it
    inject = page.locator("#inject-foodie-rumour")
    expect(inject).to_be_visible(timeout=40_000)  # the foodie's post arrives at 3 min 15 s
    api(page, "POST", f"/api/drills/{drill_id}/pause")
    page.locator("#composer-rumour").select_option("health-inspection")
    page.locator("#composer-text").fill(
        "Corn Street was not shut down by health inspectors: a water pipe burst. No rats."
    )
    page.locator("#composer-form [data-primary]").click()
    expect(page.locator("#console-activity .activity--correct_rumour")).to_have_count(1)
    expect(inject).to_have_class(re.compile(r"\bstate-answered\b"), timeout=10_000)
    api(page, "POST", f"/api/drills/{drill_id}/end")
    report = api(page, "GET", f"/api/drills/{drill_id}/review")["report"]
    replies = next(
        m
        for m in report["dimensions"]["responsiveness"]["metrics"]
        if m["name"] == "priority_reply_rate"
    )
    done = api(page, "GET", f"/api/drills/{drill_id}/actions")
    assert [action["kind"] for action in done] == ["correct_rumour"]  # so it is action:0
    assert "inject:foodie-rumour" in replies["evidence"] and "action:0" in replies["evidence"]
