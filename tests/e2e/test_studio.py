"""The scenario studio from end to end, in each language: a trainer copies a library scenario,
renames its brand, adds a fact and a rumour, moves an inject and shifts the rest by 10 minutes,
adds a conditional inject, has a spreadsheet with an error refused (row and column named) and
imports the corrected one, previews the storm, runs the dry run, then runs a live drill on the
scenario in which the conditional inject fires, and reads in the review why it fired. Every
studio page passes axe-core's WCAG rules, with no console error."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import back_to_english, sign_in, violations
from tests.e2e.test_review import DEMO_PLAN, api

WORDS = {
    "en": {
        "language": "English",
        "nav": "Scenarios",
        "copy": "Copy",
        "save": "Save a new version",
        "saved": "Saved as version 2.",
        "timeline": "Injects on the timeline",
        "shift": "Shift",
        "conditional": "Add the conditional inject",
        "preview": "Preview the storm",
        "dry_run": "Dry run: good team against poor team",
        "run": "Run the dry run",
        "fired": "Fired at",
    },
    "fr": {
        "language": "Français",
        "nav": "Scénarios",
        "copy": "Copier",
        "save": "Enregistrer une nouvelle version",
        "saved": "Enregistré en version 2.",
        "timeline": "Injects sur la chronologie",
        "shift": "Décaler",
        "conditional": "Ajouter l'inject conditionnel",
        "preview": "Prévisualiser la tempête",
        "dry_run": "Essai à blanc : bonne équipe contre mauvaise équipe",
        "run": "Lancer l’essai à blanc",
        "fired": "Déclenché à",
    },
}
HEADER = "time,channel,actor,persona,content_en,content_fr,response_expected,deadline"
SHEET_ROW = "25m,journalist_dm,Ada Press,{persona},Any comment?,Un commentaire ?,yes,35m"


def minutes_of(cell: str) -> int:
    """`T+1h05m` or `T+12m` as minutes."""
    hours, minutes = re.fullmatch(r"T\+(?:(\d+)h)?(?:(\d+)m)?", cell.strip()).groups()
    return int(hours or 0) * 60 + int(minutes or 0)


def inject_times(page: Page) -> dict[str, int]:
    """Each inject's time on the MSEL page, in minutes, by its id."""
    return {
        row.get_attribute("id").removeprefix("inject-"): minutes_of(
            row.locator("td").nth(1).inner_text().split("\n")[0]
        )
        for row in page.locator("tr[id^=inject-]").all()
    }


def adapt(page: Page, words: dict[str, str], language: str) -> str:
    """Copy data-breach, rename its brand, add a fact and a rumour: the editor's URL."""
    page.get_by_role("link", name=words["nav"], exact=True).click()
    assert violations(page) == []
    page.locator("#f-library_id").select_option("data-breach")
    page.get_by_role("button", name=words["copy"], exact=True).click()
    brand = f"Maison Test {language.upper()}"
    page.locator("#f-brand-name").fill(brand)
    # The blank rows that add a fact or a rumour come after the saved ones.
    facts = page.locator('textarea[name^="facts."][name$=".text.en"]').count() - 1
    page.locator(f"#f-facts-{facts}-id").fill("free-monitoring")
    page.locator(f"#f-facts-{facts}-text-en").fill("Customers get free credit monitoring.")
    page.locator(f"#f-facts-{facts}-text-fr").fill("Les clients ont une surveillance offerte.")
    rumours = page.locator('textarea[name^="rumours."][name$=".claim.en"]').count() - 1
    new = f"#f-rumours-{rumours}"
    page.locator(f"{new}-id").fill("passwords-sold")
    page.locator(f"{new}-claim-en").fill("The stolen passwords are being sold online.")
    page.locator(f"{new}-claim-fr").fill("Les mots de passe volés sont vendus en ligne.")
    page.locator(f"{new}-appears_at").fill("20m")
    page.locator(f"{new}-initial_reach").fill("0.1")
    page.locator(f"{new}-spread_rate").fill("0.5")
    page.locator(f"{new}-key_terms-en").fill("passwords\nsold")
    page.locator(f"{new}-key_terms-fr").fill("mots de passe\nvendus")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_role("status")).to_have_text(words["saved"])
    expect(page.locator("#f-brand-name")).to_have_value(brand)
    assert violations(page) == []
    return page.url


def move_and_shift(page: Page, words: dict[str, str]) -> None:
    """Move the first inject to 3 minutes, then shift every other one 10 minutes later."""
    page.get_by_role("link", name=words["timeline"]).click()
    before = inject_times(page)
    first = min(before, key=before.get)
    page.locator(f"#move-{first}").fill("3")
    page.locator(f"#inject-{first} button[name=op][value=move]").click()
    expect(page.get_by_role("status")).to_be_visible()
    for inject_id in before:
        if inject_id != first:
            page.locator(f"#select-{inject_id}").check()
    page.locator("#f-minutes").fill("10")
    page.get_by_role("button", name=words["shift"], exact=True).click()
    expect(page.get_by_role("status")).to_be_visible()
    after = inject_times(page)
    assert after[first] == 3
    assert {i: after[i] - before[i] for i in before if i != first} == {
        i: 10 for i in before if i != first
    }
    assert violations(page) == []


def add_conditional(page: Page, words: dict[str, str]) -> str:
    """A journalist's message that fires if nobody has spoken by T+2: its id."""
    page.locator("#c-kind").select_option("no_statement")
    page.locator("#c-at").fill("2")
    page.locator("#c-actor").fill("Nora Field")
    page.locator("#c-content-en").fill("Still no word from you on the breach. Comment?")
    page.locator("#c-content-fr").fill("Toujours aucun mot de votre part sur la fuite ?")
    page.get_by_role("button", name=words["conditional"]).click()
    condition = page.locator("tr[id^=inject-] [data-condition]").first
    expect(condition).to_be_visible()
    return condition.get_attribute("data-condition")


def import_sheet(page: Page) -> None:
    """A sheet with an unknown persona is refused by row and column; the corrected one is added."""
    before = page.locator("tr[id^=inject-]").count()
    for persona, refused in (("king", True), ("journalist", False)):
        content = f"{HEADER}\n{SHEET_ROW.format(persona=persona)}\n".encode()
        page.locator("#f-sheet-file").set_input_files(
            {"name": "msel.csv", "mimeType": "text/csv", "buffer": content}
        )
        page.locator("#msel-sheets button[type=submit]").click()
        if refused:
            expect(page.locator("#sheet-problems")).to_be_visible()
            bad = page.locator("td.cell-error")
            expect(bad).to_have_count(1)
            expect(bad).to_have_attribute("data-column", "persona")
            expect(page.locator("tbody th[scope=row]").first).to_have_text("2")
            expect(page.locator("button[name=mode]")).to_have_count(0)
    assert violations(page) == []
    page.locator("button[name=mode][value=add]").click()
    expect(page.locator("tr[id^=inject-]")).to_have_count(before + 1)


def preview_and_dry_run(page: Page, editor: str, words: dict[str, str]) -> None:
    page.goto(editor)
    page.get_by_role("link", name=words["preview"]).click()
    expect(page.locator("#preview-chart .uplot")).to_have_count(1)
    expect(page.locator("article.post").first).to_be_visible()
    assert violations(page) == []
    page.goto(editor)
    page.get_by_role("link", name=words["dry_run"]).click()
    page.get_by_role("button", name=words["run"]).click()
    expect(page.locator(".dry-run-score")).to_have_count(2, timeout=60_000)
    expect(page.locator(".verdict")).to_be_visible()
    assert violations(page) == []


def drill_on(page: Page, base: str, scenario_row: int, language: str) -> int:
    """A running drill of the demo's data-breach plan on the organisation scenario, at 60×."""
    scenarios = page.request.get(f"{base}/api/studio/scenarios").json()["data"]
    slug = next(s["slug"] for s in scenarios if s["id"] == scenario_row)
    plans = page.request.get(f"{base}/api/plans").json()["data"]
    plan = next(p for p in plans if p["title"] == DEMO_PLAN)
    version_id = page.request.get(f"{base}/api/plans/{plan['id']}/versions").json()["data"][0]
    drill = api(page, "POST", f"{base}/api/drills", {
        "plan_version_id": version_id["id"], "scenario_id": slug, "language": language,
        "seed": 5, "speed": 60,
    })  # fmt: skip
    me = page.request.get(f"{base}/api/me").json()["user"]
    roster = [{"user_id": me["id"], "role_key": "incident-comms-lead"}]
    api(page, "PUT", f"{base}/api/drills/{drill['id']}/participants", {"assignments": roster})
    api(page, "POST", f"{base}/api/drills/{drill['id']}/start")
    return drill["id"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_trainer_writes_a_scenario_with_a_branch_and_drills_it(
    page: Page, live_server: str, console_errors: list[str], language: str
):
    words = WORDS[language]
    sign_in(page, live_server, "trainer@demo.stormdrill.test")
    try:
        page.get_by_role("button", name=words["language"]).click()
        editor = adapt(page, words, language)
        scenario_row = int(re.search(r"/studio/scenarios/(\d+)", editor).group(1))
        move_and_shift(page, words)
        conditional = add_conditional(page, words)
        import_sheet(page)
        preview_and_dry_run(page, editor, words)

        drill_id = drill_on(page, live_server, scenario_row, language)
        page.goto(f"{live_server}/drills/{drill_id}/control")
        # Nobody speaks: at T+2 (2 s at 60×) the conditional inject fires, and the board says why.
        board = page.locator(f"#control-injects [data-condition='{conditional}']")
        expect(board).to_contain_text(words["fired"], timeout=30_000)
        api(page, "POST", f"{live_server}/api/drills/{drill_id}/end")
        page.goto(f"{live_server}/drills/{drill_id}/review")
        expect(page.locator(".fired-because").first).to_contain_text(words["fired"], timeout=30_000)
        assert console_errors == []
    finally:
        back_to_english(page, live_server)
