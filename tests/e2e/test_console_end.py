"""In the browser: the composer's notice says what happened and goes away; when the drill ends,
every open console (team and facilitator) switches to its ended state without a reload."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_drill_trust import back_to_english, running_drill, trainer_in
from tests.e2e.test_live_drill import api, signed_in

PARTICIPANT = "member2@demo.stormdrill.test"
WORDS = {
    "en": {"logged": "Decision logged", "ended": "The drill has ended."},
    "fr": {"logged": "Décision consignée", "ended": "L'exercice est terminé."},
}


def in_language(page: Page, language: str) -> Page:
    """The page's user reading the app in `language`."""
    if language == "fr":
        page.get_by_role("button", name="Français").click()
        expect(page.locator("html")).to_have_attribute("lang", "fr")
    return page


def kept(page: Page) -> Page:
    """Mark the page's window: the mark is lost if the page reloads."""
    page.evaluate("window.__keptSinceLoad = true")
    return page


def not_reloaded(page: Page) -> bool:
    return page.evaluate("window.__keptSinceLoad === true")


def log_a_decision(page: Page, text: str) -> None:
    page.locator("#composer-text").fill(text)
    page.locator("#composer-form button[value=note]").click()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_notices_say_what_happened_and_consoles_close_live_at_the_end(
    browser, live_server, language
):
    errors: list[str] = []
    trainer = trainer_in(browser, live_server, language, errors)
    member = signed_in(browser.new_context(), live_server, PARTICIPANT, errors)
    in_language(member, language)
    try:
        drill_id = running_drill(trainer, 5)
        roster = api(trainer, "GET", f"/api/drills/{drill_id}/participants")
        user_id = api(member, "GET", "/api/me")["user"]["id"]
        assignment = {"user_id": user_id, "role_key": roster["roles"][0]["role_key"]}
        api(trainer, "PUT", f"/api/drills/{drill_id}/participants", {"assignments": [assignment]})
        facilitator = trainer.context.new_page()
        facilitator.goto(f"{live_server}/drills/{drill_id}/control")
        kept(facilitator)
        trainer.goto(f"{live_server}/drills/{drill_id}/console")
        member.goto(f"{live_server}/drills/{drill_id}/console")
        kept(trainer)
        kept(member)
        notice = member.locator("#composer-sent")
        log_a_decision(member, "Watching the Corn Street posts.")
        expect(notice).to_contain_text(WORDS[language]["logged"])
        member.locator("#composer-text").fill("Next")  # the next action…
        expect(notice).to_have_count(0)  # …takes it away
        log_a_decision(member, "Regulator informed.")
        expect(notice).to_be_visible()
        expect(notice).to_have_count(0, timeout=12_000)  # it goes by itself too
        expect(member.locator("#console-ended")).to_be_hidden()

        api(trainer, "POST", f"/api/drills/{drill_id}/end")
        for page in (trainer, member):
            expect(page.locator("#console-ended")).to_be_visible(timeout=15_000)
            expect(page.locator("#console-ended")).to_contain_text(WORDS[language]["ended"])
            expect(page.locator("#composer-text")).to_be_disabled()
            expect(page.locator("#console-checklist button[name=item]").first).to_be_disabled()
        expect(trainer.locator("#ended-review")).to_be_visible()
        expect(member.locator("#ended-debrief")).to_be_visible()
        expect(member.locator("#ended-review")).to_have_count(0)
        expect(facilitator.locator("#control-ended")).to_contain_text(
            WORDS[language]["ended"], timeout=10_000
        )
        expect(facilitator.locator("#ended-review")).to_be_visible()
        expect(facilitator.locator("#adhoc-closed")).to_be_visible()
        expect(facilitator.locator("#adhoc-form")).to_have_count(0)
        assert all(not_reloaded(page) for page in (trainer, member, facilitator))
    finally:
        back_to_english(trainer)
        back_to_english(member)
    assert errors == [], errors[:3]
