"""Units, languages and times in the browser, in both languages: KPI targets typed in per cent
and minutes, the words around a drill's posts and a review's findings in the reader's language,
a scheduled start typed and shown in the reader's time zone."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect

from app.core import i18n
from app.drills import labels as drill_labels
from app.scoring.core.phrases import CRITICAL, IMPROVEMENTS, STRENGTHS
from tests.e2e.test_drill_trust import english_plan_version
from tests.e2e.test_live_drill import api, signed_in

AUTHOR = "author@demo.stormdrill.test"
TRAINER = "trainer@demo.stormdrill.test"
# No clock changes and a half-hour offset: a time shown in UTC by mistake cannot pass for it.
KOLKATA = "Asia/Kolkata"
WORDS = {
    "en": {"kpi": "Priority posts answered in time", "typed": "82.5", "shown": "82.5%",
           "range": "percentage from 0 to 100", "reply": "Reply to this"},
    "fr": {"kpi": "Publications prioritaires traitées à temps", "typed": "82,5",
           "shown": "82,5\u00a0%",
           "range": "pourcentage de 0 à 100", "reply": "Répondre"},
}  # fmt: skip


def persona_names(language: str) -> set[str]:
    """Every persona's name as pages in `language` write it."""
    token = i18n.current_language.set(language)
    try:
        return set(drill_labels.personas().values())
    finally:
        i18n.current_language.reset(token)


def reading_in(browser: Browser, base: str, email: str, language: str, errors: list[str], **ctx):
    """`email` signed in from a browser context (`ctx`: its time zone…), reading in `language`;
    with the language the user had, to give it back at the end."""
    page = signed_in(browser.new_context(**ctx), base, email, errors)
    return page, switch_to(page, language)


def switch_to(page: Page, language: str) -> str:
    """Read the app in `language`; returns the one the user had (the demo users are shared)."""
    had = page.locator("html").get_attribute("lang") or "en"
    if had != language:
        page.get_by_role("button", name=i18n.LANGUAGE_NAMES[language]).click()
        expect(page.locator("html")).to_have_attribute("lang", language)
    return had


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_kpi_target_is_typed_and_shown_in_per_cent(browser, live_server, language):
    errors: list[str] = []
    page, had = reading_in(browser, live_server, AUTHOR, language, errors)
    words = WORDS[language]
    try:
        plan = api(page, "POST", "/api/plans", {"title": f"Units {language}"})
        page.goto(f"{live_server}/plans/{plan['id']}/kpis/new")
        page.locator("#f-metric").select_option(label=words["kpi"])
        page.locator("#f-target").fill("120")
        page.locator("#item-form button[type=submit].primary").click()
        expect(page.locator("#f-target-error")).to_contain_text(words["range"])
        expect(page.locator("#f-target-error")).to_contain_text(words["kpi"])
        page.locator("#f-target").fill(words["typed"])
        page.locator("#item-form button[type=submit].primary").click()
        page.wait_for_url(re.compile(rf"/plans/{plan['id']}(#.*)?$"))
        kpis = page.locator("#section-kpis")
        expect(kpis).to_contain_text(words["kpi"])
        expect(kpis).to_contain_text(words["shown"])
        stored = api(page, "GET", f"/api/plans/{plan['id']}/kpis")[0]
        assert stored["target"] == pytest.approx(0.825)
        assert errors == []
    finally:
        switch_to(page, had)
        page.context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_scheduled_start_is_typed_and_shown_in_the_readers_zone(browser, live_server, language):
    errors: list[str] = []
    page, had = reading_in(browser, live_server, TRAINER, language, errors, timezone_id=KOLKATA)
    try:
        page.goto(f"{live_server}/login")
        # Chromium names the zone by its older alias: both are IANA names the server accepts.
        expect(page.locator("input[name=time_zone]")).to_have_value(
            re.compile(r"^Asia/(Kolkata|Calcutta)$")
        )
        page.goto(f"{live_server}/account/preferences")
        page.locator("#time_zone").select_option(KOLKATA)
        page.locator("form[action='/account/preferences'] button[type=submit]").click()
        expect(page.locator("#preferences-saved")).to_contain_text(KOLKATA)
        wanted = (datetime.now(UTC) + timedelta(days=2)).replace(second=0, microsecond=0)
        local = wanted.astimezone(ZoneInfo(KOLKATA))
        page.goto(f"{live_server}/drills/new")
        expect(page.locator("#f-scheduled_at-hint")).to_contain_text(KOLKATA)
        page.locator("#f-plan_version_id").select_option(str(english_plan_version(page)))
        page.locator("#f-scenario_id").select_option("tutorial")
        page.locator("#f-scheduled_at").fill(local.strftime("%Y-%m-%dT%H:%M"))
        page.locator("#drill-setup button[type=submit]").click()
        page.wait_for_url(re.compile(r"/drills/\d+$"))
        shown = " ".join(page.locator("#drill-scheduled").inner_text().split())
        clock = local.strftime("%-I:%M %p") if language == "en" else local.strftime("%H:%M")
        assert shown.endswith(clock) and "UTC" not in shown, shown
        drill = api(page, "GET", f"/api/drills/{page.url.rsplit('/', 1)[1]}")
        stored = datetime.fromisoformat(drill["scheduled_at"])
        assert (stored if stored.tzinfo else stored.replace(tzinfo=UTC)) == wanted
        assert errors == []
    finally:
        page.goto(f"{live_server}/account/preferences")
        page.locator("#time_zone").select_option("UTC")
        page.locator("form[action='/account/preferences'] button[type=submit]").click()
        switch_to(page, had)
        page.context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_words_around_the_posts_follow_the_reader(browser, live_server, language):
    errors: list[str] = []
    page, had = reading_in(browser, live_server, TRAINER, language, errors)
    other = "fr" if language == "en" else "en"
    try:
        body = {"plan_version_id": english_plan_version(page), "scenario_id": "tutorial",
                "language": other, "speed": 60, "seed": 11}  # fmt: skip
        drill = api(page, "POST", "/api/drills", body)
        api(page, "POST", f"/api/drills/{drill['id']}/start")
        page.goto(f"{live_server}/drills/{drill['id']}/console")
        post = page.locator("#feed-posts .post").first
        expect(post).to_be_visible(timeout=60_000)
        expect(post).to_have_attribute("lang", other)
        badges = page.locator("#feed-posts .badge.persona")
        expect(badges.first).to_be_visible()
        shown = set(badges.all_inner_texts())
        assert shown and shown <= persona_names(language), shown
        reply = page.locator("#feed-posts .post-reply").first
        expect(reply).to_have_accessible_name(WORDS[language]["reply"])
        assert reply.inner_text() == WORDS[language]["reply"]
        api(page, "POST", f"/api/drills/{drill['id']}/end")
        assert errors == []
    finally:
        switch_to(page, had)
        page.context.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_review_findings_are_written_in_the_readers_language(browser, live_server, language):
    errors: list[str] = []
    page, had = reading_in(browser, live_server, TRAINER, language, errors)
    other = "fr" if language == "en" else "en"
    try:
        drills = api(page, "GET", "/api/drills")["data"]
        drill = next(d for d in drills if d["status"] == "ended" and d["language"] == other)
        page.goto(f"{live_server}/drills/{drill['id']}/review")
        findings = page.locator("#review-findings ul.findings li:not(.muted)")
        expect(findings.first).to_be_visible(timeout=30_000)
        starts = [
            text.split("{")[0]
            for table in (STRENGTHS, IMPROVEMENTS, CRITICAL)
            for text in table[language].values()
        ]
        for text in findings.all_inner_texts():
            assert any(text.startswith(start) for start in starts), text
        assert errors == []
    finally:
        switch_to(page, had)
        page.context.close()
