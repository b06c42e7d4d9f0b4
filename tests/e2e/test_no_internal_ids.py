"""In the browser, in both languages: the main pages of a finished drill (drill page, team and
facilitator consoles, review with its timeline, printable report, dashboard, drill list) and the
plan editor's errors show people's words, never the drill's internal identifiers."""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from app.plans.catalogue import MessageKind, Metric
from app.record.models import ACTION_KINDS
from tests.e2e.test_drill_trust import back_to_english, trainer_in
from tests.e2e.test_live_drill import signed_in

AUTHOR = "author@demo.stormdrill.test"
# Ids any drill could leak: evidence ids, approval refs, ad-hoc inject keys.
GENERIC = [r"\baction:\d+", r"\b(?:inject|rumour|fact|key_message|post):[\w-]+", r"\bstmt-\d+"]
GENERIC += [r"\badhoc-\d+\b"]
# Snake-case names of kinds and KPI keys: internal whatever the drill.
SNAKE = {*ACTION_KINDS, *(kind.value for kind in MessageKind), *(m.value for m in Metric)}
SNAKE = {name for name in SNAKE if "_" in name}
# What people legitimately write with such characters: handles and template placeholders.
LEGIT = re.compile(r"[@#]\w+|\{\w+\}")


def drill_ids(record: dict) -> set[str]:
    """The drill's own slugs (scenario, injects, rumours, facts, plan items) worth looking for:
    those no sentence would hold (with a hyphen or an underscore)."""
    scenario, plan = record["scenario"], record["plan"]
    found = {scenario["id"]}
    for section in ("injects", "rumours", "facts"):
        found |= {item["id"] for item in scenario.get(section, [])}
    for section in ("roles", "key_messages", "checklist"):
        found |= {item["id"] for item in plan.get(section, [])}
    found |= {audience for m in plan.get("key_messages", []) for audience in [m.get("audience")]}
    prose = " ".join(words(record)).lower()  # an id that is also a word people write (porte-parole)
    return {key for key in found if key and re.search(r"[-_]", key) and key not in prose}


def words(value: object, key: str = "") -> list[str]:
    """Every text of a record but its ids: what people wrote."""
    if isinstance(value, dict):
        return [w for k, v in value.items() for w in words(v, k)]
    if isinstance(value, list):
        return [w for item in value for w in words(item, key)]
    return [value] if isinstance(value, str) and key not in ("id", "role", "rumour") else []


def leaks(text: str, ids: set[str]) -> list[str]:
    """The internal identifiers a page's text shows, each in its context."""
    text = " ".join(LEGIT.sub(" ", text).split())
    patterns = GENERIC + [rf"(?<![\w-]){re.escape(key)}(?![\w-])" for key in ids | SNAKE]
    return sorted(
        {
            f"{m.group(0)} in “…{text[max(0, m.start() - 40) : m.end() + 20]}…”"
            for p in patterns
            for m in re.finditer(p, text)
        }
    )


def shown(page: Page, url: str) -> str:
    """The visible text of a page (the review's timeline drawn, the consoles' panels loaded)."""
    answer = page.goto(url)
    assert answer is not None and answer.ok, f"{url}: {answer and answer.status}"
    page.wait_for_load_state("networkidle")
    return page.locator("body").inner_text()


def read(page: Page, url: str) -> dict:
    """A JSON document read with the page's session."""
    answer = page.request.get(url)
    assert answer.ok, f"{url}: {answer.status}"
    return answer.json()


def finished_drills(page: Page, base: str) -> list[int]:
    """The demo's reviewed drills (ended, scored at load): the first ended ones."""
    drills = read(page, f"{base}/api/drills")["data"]
    return sorted(d["id"] for d in drills if d["status"] == "ended")[:4]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_finished_drill_shows_no_internal_identifier(browser, live_server, language):
    errors: list[str] = []
    page = trainer_in(browser, live_server, language, errors)
    found: dict[str, list[str]] = {}
    try:
        for path in ("/dashboard", "/drills"):
            found[path] = leaks(shown(page, live_server + path), set())
        for drill_id in finished_drills(page, live_server):
            ids = drill_ids(read(page, f"{live_server}/api/drills/{drill_id}/record"))
            for part in ("", "/console", "/control", "/review", "/review/print"):
                path = f"/drills/{drill_id}{part}"
                found[path] = leaks(shown(page, live_server + path), ids)
    finally:
        page.goto(f"{live_server}/drills")  # the print page has no language switch
        back_to_english(page)
    leaked = {path: ids for path, ids in found.items() if ids}
    assert leaked == {}, json.dumps(leaked, indent=1, ensure_ascii=False)
    assert errors == [], errors[:3]


def broken_plan_file(page: Page, base: str) -> str:
    """A demo plan exported, with a checklist item whose due time is not a number."""
    exported = (
        read(page, f"{base}/plans/{plan['id']}/export.json")
        for plan in read(page, f"{base}/api/plans")["data"]
    )
    document = next(d for d in exported if d["checklist"])  # other tests add empty plans
    document["title"] = "Broken copy"
    document["checklist"][0]["due_minutes"] = "soon"
    return json.dumps(document)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_plan_errors_name_fields_in_peoples_words(browser, live_server, language):
    errors: list[str] = []
    page = signed_in(browser.new_context(), live_server, AUTHOR, errors)
    page.get_by_role("button", name="Français" if language == "fr" else "English").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    try:
        content = broken_plan_file(page, live_server)
        page.goto(f"{live_server}/plans/import")
        page.locator("#f-file").set_input_files(
            {"name": "plan.json", "mimeType": "application/json", "buffer": content.encode()}
        )
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state("networkidle")
        text = page.locator("body").inner_text()
        checklist = "Checklist, item 1" if language == "en" else "élément 1"
        assert checklist in text, text[:2000]
        assert leaks(text, {"due_minutes", "checklist.0"}) == []
        assert "Input should" not in text
    finally:
        back_to_english(page)
    assert errors == [], errors[:3]
