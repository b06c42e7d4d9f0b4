"""A trainer copies a library scenario, adapts it, shifts its injects and sets up a drill on it,
in each language; the studio's pages pass axe-core's WCAG rules."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import back_to_english, sign_in, violations

WORDS = {
    "en": {
        "language": "English",
        "nav": "Scenarios",
        "copy": "Copy",
        "save": "Save a new version",
        "saved": "Saved as version 2.",
        "timeline": "Injects on the timeline",
        "all": "All of them",
        "shift": "Shift",
    },
    "fr": {
        "language": "Français",
        "nav": "Scénarios",
        "copy": "Copier",
        "save": "Enregistrer une nouvelle version",
        "saved": "Enregistré en version 2.",
        "timeline": "Injects sur la chronologie",
        "all": "Tous",
        "shift": "Décaler",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_trainer_adapts_a_library_scenario_and_drills_it(
    page: Page, live_server: str, console_errors: list[str], language: str
):
    words = WORDS[language]
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    try:
        page.get_by_role("button", name=words["language"]).click()
        page.get_by_role("link", name=words["nav"], exact=True).click()
        assert violations(page) == []
        page.get_by_role("button", name=words["copy"], exact=True).click()
        brand = f"Maison Test {language.upper()}"
        page.locator("#f-brand-name").fill(brand)
        # The blank row that adds a fact comes after the saved ones: its number is their count.
        rows = page.locator('textarea[name^="facts."][name$=".text.en"]').count()
        new = f"#f-facts-{rows - 1}"
        page.locator(f"{new}-id").fill("free-coffee")
        page.locator(f"{new}-text-en").fill("Customers get a free coffee this week.")
        page.locator(f"{new}-text-fr").fill("Les clients ont un café offert cette semaine.")
        page.get_by_role("button", name=words["save"]).click()
        expect(page.get_by_role("status")).to_have_text(words["saved"])
        expect(page.locator("#f-brand-name")).to_have_value(brand)
        assert violations(page) == []
        page.get_by_role("link", name=words["timeline"]).click()
        page.locator("#f-minutes").fill("1")
        page.get_by_label(words["all"]).check()
        page.get_by_role("button", name=words["shift"], exact=True).click()
        expect(page.get_by_role("status")).to_contain_text("3")
        assert violations(page) == []
        page.goto(f"{live_server}/drills/new")
        own = page.locator("#f-scenario_id optgroup").first.locator("option")
        expect(own.first).to_be_attached()
        assert console_errors == []
    finally:
        back_to_english(page, live_server)
