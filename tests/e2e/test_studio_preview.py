"""A trainer previews a scenario's storm and runs its dry run, in each language: the chart is
drawn, htmx swaps the results, nothing breaks the Content-Security-Policy, axe finds nothing."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import back_to_english, sign_in, violations

WORDS = {
    "en": {
        "language": "English",
        "nav": "Scenarios",
        "copy": "Copy",
        "preview": "Preview the storm",
        "show": "Show the storm",
        "dry_run": "Dry run: good team against poor team",
        "run": "Run the dry run",
        "separates": "The scenario separates them",
    },
    "fr": {
        "language": "Français",
        "nav": "Scénarios",
        "copy": "Copier",
        "preview": "Prévisualiser la tempête",
        "show": "Afficher la tempête",
        "dry_run": "Essai à blanc : bonne équipe contre mauvaise équipe",
        "run": "Lancer l’essai à blanc",
        "separates": "Le scénario les distingue",
    },
}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_trainer_previews_the_storm_and_runs_the_dry_run(
    page: Page, live_server: str, policy_problems: list[str], language: str
):
    words = WORDS[language]
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    try:
        page.get_by_role("button", name=words["language"]).click()
        page.get_by_role("link", name=words["nav"], exact=True).click()
        page.get_by_role("button", name=words["copy"], exact=True).click()
        editor = page.url
        page.get_by_role("link", name=words["preview"]).click()
        expect(page.locator("#preview-chart .uplot")).to_have_count(1)
        expect(page.locator("article.post").first).to_be_visible()
        page.locator("#f-minutes").fill("2")
        page.get_by_role("button", name=words["show"]).click()
        page.wait_for_url(lambda url: "minutes=2" in url)
        expect(page.locator("#preview-chart .uplot")).to_have_count(1)
        expect(page.locator("#preview-panel table.series tbody tr")).to_have_count(2)
        assert violations(page) == []
        page.locator("#f-seed").fill("a seed")
        page.get_by_role("button", name=words["show"]).click()
        expect(page.locator("#f-seed-error")).to_be_visible()
        expect(page.locator("article.post")).to_have_count(0)
        page.goto(editor)
        page.get_by_role("link", name=words["dry_run"]).click()
        page.get_by_role("button", name=words["run"]).click()
        expect(page.locator(".verdict")).to_contain_text(words["separates"], timeout=30_000)
        expect(page.locator(".dry-run-score")).to_have_count(2)
        assert violations(page) == []
        assert policy_problems == []
    finally:
        back_to_english(page, live_server)
