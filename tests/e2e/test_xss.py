"""Cross-site scripting: a payload in every text field a user can fill, rendered in Chromium.

An organisation of its own (so the other browser tests never see it) gets a payload in its
name, its members' names, a plan's every text (title, description, roles, responsibilities,
contacts, severity levels, audiences and their channels, key messages, checklist), a drill's
title and brand, the team's actions, an ad-hoc inject, the trainer's annotation, override
justification and summary, a debrief and an API token's name. Every page that shows them is
then opened with a dialog handler: no dialog may open, no element of a payload may exist in
the page, no policy violation may be reported, the embedded JSON must still parse, and each
payload must be read on some page as the text that was typed.

A drill's brand handle takes only `@` and letters, digits or underscores (it is refused
otherwise), so it carries no payload.

The Content-Security-Policy alone would stop the payloads' scripts, so the test checks the
escaping itself: it looks for the payloads' elements in the page, not only for dialogs.
"""

import re
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Page, expect
from sqlmodel import Session

from app.accounts import service as accounts
from app.accounts.models import Role
from app.core.db import make_engine
from app.core.settings import ROOT
from app.demo import DEMO_PASSWORD
from tests.e2e.test_accessibility import MOST_PAGES, NOT_PAGES, sign_in
from tests.e2e.test_review import api

# Short enough for a display name (120 characters) with its field's name before it.
BODY = (
    "'\"><img src=x onerror=alert()></script><script>alert()</script>"
    "<!--<script>{{7*7}}javascript:alert()"
)
# For the shortest fields (80 characters: a severity level's name, a token's name).
SHORT = "'\"><img src=x onerror=alert()><!--<script>{{7*7}}"
SHORT_FIELDS = {"name", "token name"}
# Plan document keys whose values are references or codes the import checks, not free text.
CODES = {"format", "key", "kind", "language", "languages", "audiences", "alert_roles"}
CODES |= {"owner_role", "metric", "holder_member", "backup_member"}
CODES |= {"holder_phone", "backup_phone"}  # validated as phone numbers: never free text
# A plan item's form: the first of each section is enough (they are one template each).
ITEM_FORM = re.compile(r"^/plans/\d+/[a-z]+/(\d+|new)$")
ADMIN = "xss-admin@probe.stormdrill.test"
MEMBER = "xss-member@probe.stormdrill.test"
# What a payload's markup would have become had it not been escaped.
INJECTED = """() => {
  const found = [...document.querySelectorAll("img[src='x'], svg[onload], [onerror], [onload]")]
    .map((el) => el.outerHTML.slice(0, 80));
  for (const script of document.scripts) {
    if (script.type === "application/json") {
      try { JSON.parse(script.textContent); } catch (e) { found.push(`broken JSON #${script.id}`); }
      if (script.textContent.includes("<")) found.push(`unescaped < in #${script.id}`);
    } else if (!script.src) {
      found.push(`inline script: ${script.textContent.slice(0, 80)}`);
    }
  }
  for (const link of document.querySelectorAll("[href], [src], [action], [formaction]")) {
    const url = link.getAttribute("href") || link.getAttribute("src") ||
      link.getAttribute("action") || link.getAttribute("formaction") || "";
    if (url.trim().toLowerCase().startsWith("javascript:")) found.push(link.outerHTML.slice(0, 80));
  }
  return found;
}"""


def payload(field: str) -> str:
    """The payload for a field, its name first; a key message fills {brand}, never {7*7}."""
    if field == "text":
        return f"[{field}]{BODY.replace('{{7*7}}', '{brand}')}"
    return f"[{field}]{SHORT if field in SHORT_FIELDS else BODY}"


def with_payloads(value: Any, key: str | None, fields: set[str]) -> Any:
    """The plan document with a payload for each free text; `fields` gets their names."""
    if isinstance(value, dict):
        return {k: with_payloads(v, k, fields) for k, v in value.items()}
    if isinstance(value, list):
        return [with_payloads(item, key, fields) for item in value]
    if isinstance(value, str) and key not in CODES:
        field = key
        fields.add(field)
        return payload(field)
    return value


def probe_organisation(database_url: str) -> None:
    """An organisation, its admin and a member, every name a payload (the services write them)."""
    engine = make_engine(database_url)
    with Session(engine) as session:
        org = accounts.create_organisation(
            session=session, name=payload("org name"), slug="xss-probe"
        )
        for email, name, role in (
            (ADMIN, "admin name", Role.admin),
            (MEMBER, "member name", Role.member),
        ):
            user = accounts.create_user(
                session=session,
                email=email,
                display_name=payload(name),
                password=DEMO_PASSWORD,
                language="en",
            )
            accounts.add_member(session=session, org=org, user=user, role=role)
        accounts.update_organisation_settings(session=session, org=org, plans_self_approval=True)
        session.commit()
    engine.dispose()


def approved_plan(page: Page, base: str, fields: set[str]) -> tuple[int, int]:
    """The example plan with payloads, its members the probe's, approved: (plan, version) ids."""
    document = yaml.safe_load((ROOT / "examples" / "plan-en.yaml").read_text(encoding="utf-8"))
    for role in document["roles"]:
        for held in ("holder_member", "backup_member"):
            if held in role:
                role[held] = ADMIN if held == "holder_member" else MEMBER
    plan = api(page, "POST", f"{base}/api/plans/import", with_payloads(document, None, fields))
    for status in ("in_review", "approved"):
        plan = api(
            page,
            "POST",
            f"{base}/api/plans/{plan['id']}/status",
            {"status": status, "version": plan["version"]},
        )
    versions = api(page, "GET", f"{base}/api/plans/{plan['id']}/versions")["data"]
    return plan["id"], versions[0]["id"]


def probe_drill(page: Page, base: str, version_id: int, fields: set[str]) -> int:
    """A drill with a payload in its title, brand, the team's actions and an inject: its id."""
    drill = api(page, "POST", f"{base}/api/drills", {
        "plan_version_id": version_id, "scenario_id": "data-breach", "seed": 5, "speed": 60,
        "title": payload("drill title"), "brand": payload("drill brand"),
    })  # fmt: skip
    fields |= {"drill title", "drill brand"}
    members = {m["email"]: m["user_id"] for m in api(page, "GET", f"{base}/api/members")["data"]}
    roster = [
        {"user_id": members[ADMIN], "role_key": "incident-comms-lead"},
        {"user_id": members[ADMIN], "role_key": "monitor"},
        {"user_id": members[MEMBER], "role_key": "spokesperson"},
    ]
    path = f"{base}/api/drills/{drill['id']}"
    api(page, "PUT", f"{path}/participants", {"assignments": roster})
    api(page, "POST", f"{path}/start")
    for kind, role in (("note", "monitor"), ("request_approval", "incident-comms-lead")):
        text = payload(f"{kind} text")
        api(page, "POST", f"{path}/actions", {"kind": kind, "text": text, "role_key": role})
        fields.add(f"{kind} text")
    api(page, "POST", f"{path}/injects", {
        "actor_name": payload("inject author"), "content": payload("inject content"),
    })  # fmt: skip
    fields |= {"inject author", "inject content"}
    return drill["id"]


def review(page: Page, base: str, drill_id: int, fields: set[str]) -> None:
    """The trainer's annotation, override, summary and improvement; a debrief; an API token."""
    page.goto(f"{base}/drills/{drill_id}/review")
    first = page.locator("#review-actions li.event").first
    first.get_by_text("Annotate").click()
    first.get_by_label("Annotation").fill(payload("annotation"))
    first.get_by_role("button", name="Add the annotation").click()
    expect(page.locator("#review-annotations")).to_contain_text("[annotation]")
    row = page.locator("#review-scores tr.dimension-row").first
    row.locator("summary").click()
    row.get_by_label("Points (0–100)").fill("42")
    row.get_by_label("Justification (at least 10 characters)").fill(payload("justification"))
    row.get_by_role("button", name="Save the override").click()
    expect(page.locator("#review-scores")).to_contain_text("[justification]")
    summary = page.locator("#review-summary")
    summary.get_by_role("textbox").fill(payload("summary"))
    summary.get_by_role("button").first.click()
    expect(summary).to_contain_text("saved", ignore_case=True)
    due = (date.today() + timedelta(days=14)).isoformat()
    improvement = {"section": "roles", "due_on": due, "title": payload("improvement title")}
    improvement["detail"] = payload("improvement detail")
    token = page.locator("meta[name=csrf-token]").get_attribute("content")
    answer = page.request.post(
        f"{base}/drills/{drill_id}/review/improvements",
        form=improvement,
        headers={"X-CSRF-Token": token},
    )
    assert answer.ok, answer.text()
    fields |= {"improvement title", "improvement detail"}
    debrief = {
        "went_well": payload("went well"),
        "to_change": payload("to change"),
        "confidence": 3,
    }
    api(page, "PUT", f"{base}/api/drills/{drill_id}/debrief", debrief)
    api(page, "POST", f"{base}/api/tokens", {"name": payload("token name")})
    fields |= {"annotation", "justification", "summary", "went well", "to change", "token name"}
    fields |= {"org name", "admin name", "member name"}


def test_no_payload_in_any_text_field_runs_and_each_reads_as_typed(
    page: Page, live_server: str, live_database_url: str, policy_problems: list[str]
):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    probe_organisation(live_database_url)
    sign_in(page, live_server, ADMIN)
    fields: set[str] = set()
    plan_id, version_id = approved_plan(page, live_server, fields)
    drill_id = probe_drill(page, live_server, version_id, fields)

    injected: dict[str, list[str]] = {}
    texts: dict[str, str] = {}

    def visit(path: str) -> list[str]:
        """Open a page, keep what payloads made of it and its text; the links it has."""
        page.goto(live_server + path)
        page.wait_for_function("() => !document.querySelector('.htmx-request, .htmx-settling')")
        if found := page.evaluate(INJECTED):
            injected[path] = found
        texts[path] = page.locator("body").inner_text()
        return page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")

    drill = f"/drills/{drill_id}"
    page.goto(live_server + drill + "/console")
    activity = page.locator("#console-activity")
    expect(activity).to_contain_text("[request_approval text]", timeout=20_000)
    for path in ("/console", "/control", "/lobby", "/roster", ""):
        visit(drill + path)
    api(page, "POST", f"{live_server}/api{drill}/end")
    review(page, live_server, drill_id, fields)
    # Every page reachable by links from home (the review, the plan...), and a few others.
    plan = f"/plans/{plan_id}"
    queue = ["/", f"{plan}/print", f"{plan}/history", f"{plan}/versions/{version_id}"]
    queue += [f"{drill}/review/print", f"{drill}/debrief", f"{drill}/delete"]
    for section in ("roles", "severities", "audiences", "messages", "checklist"):
        first = api(page, "GET", f"{live_server}/api{plan}/{section}")[0]
        queue.append(f"{plan}/{section}/{first['id']}")  # its edit form
    while queue and len(texts) < MOST_PAGES:
        for href in visit(queue.pop(0)):
            parts = urlsplit(href)
            link = parts.path
            if parts.netloc != urlsplit(live_server).netloc or link in texts or link in queue:
                continue
            if not any(marker in link for marker in NOT_PAGES) and not ITEM_FORM.match(link):
                queue.append(link)

    assert dialogs == []
    assert injected == {}
    assert policy_problems == []
    assert {plan, drill, f"{drill}/review", "/admin/members"} <= set(texts), sorted(texts)
    unread = {f for f in fields if not any(payload(f) in text for text in texts.values())}
    assert unread == set(), f"never shown as typed on {sorted(texts)}"
