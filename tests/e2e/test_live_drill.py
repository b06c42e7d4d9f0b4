"""A live drill in three browsers: facilitator, spokesperson and approver, on the demo data.

The 10-minute tutorial scenario at 30×, with the demo's English plan made to require approval
at the tutorial's severity (imported as a new plan, the demo data untouched): posts stream in,
a holding statement waits for the approver and is published for everyone, a rumour is
corrected, the facilitator writes an ad-hoc inject, the drill ends and its record validates.
"""

import json
import re
from pathlib import Path

import jsonschema
import yaml
from playwright.sync_api import BrowserContext, Page, expect

from app.core.settings import ROOT
from app.demo import DEMO_PASSWORD
from tests.e2e.conftest import EXPECTED_ANSWER

SCHEMA = ROOT / "app" / "scoring" / "drill-record.schema.json"
HOLDING = "We know the Corn Street café is closed after a burst pipe. Nobody was hurt."
CORRECTION = "No inspection took place: Corn Street closed after a burst pipe, nothing else."
ROLES = {
    "member2@demo.stormdrill.test": "spokesperson",
    "member1@demo.stormdrill.test": "incident-comms-lead",
    "member3@demo.stormdrill.test": "monitor",
}


def signed_in(context: BrowserContext, base: str, email: str, errors: list[str]) -> Page:
    """A page of `context` signed in as `email`, collecting console errors into `errors`."""
    page = context.new_page()
    page.on(
        "console",
        lambda m: m.type == "error" and not EXPECTED_ANSWER.match(m.text) and errors.append(m.text),
    )
    page.on("pageerror", lambda exc: errors.append(exc.stack or str(exc)))
    page.goto(f"{base}/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.locator("form[action^='/login'] button[type=submit]").click()
    page.wait_for_url(lambda url: "/login" not in url)
    return page


def api(page: Page, method: str, path: str, body: object | None = None) -> dict:
    """A JSON API call with the page's session and CSRF token."""
    token = page.locator("meta[name=csrf-token]").get_attribute("content")
    answer = page.request.fetch(
        page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + path,
        method=method,
        headers={"X-CSRF-Token": token, "Content-Type": "application/json"},
        data=json.dumps(body) if body is not None else None,
    )
    assert answer.ok, f"{method} {path}: {answer.status} {answer.text()}"
    return answer.json() if answer.status != 204 else {}


def approved_plan_needing_approval(admin: Page) -> int:
    """The English example plan with approval required at severity 1, approved: its version id."""
    document = yaml.safe_load((ROOT / "examples" / "plan-en.yaml").read_text(encoding="utf-8"))
    document["title"] = "Café drill plan (approval at every level)"
    for level in document["severity_levels"]:
        level["needs_approval"] = True
    plan = api(admin, "POST", "/api/plans/import", document)
    # Four eyes: the demo's author sends it for review, the admin approves it.
    base = re.match(r"https?://[^/]+", admin.url).group(0)
    author = signed_in(admin.context.browser.new_context(), base, "author@demo.stormdrill.test", [])
    for page, status in ((author, "in_review"), (admin, "approved")):
        plan = api(
            page,
            "POST",
            f"/api/plans/{plan['id']}/status",
            {"status": status, "version": plan["version"]},
        )
    author.context.close()
    return api(admin, "GET", f"/api/plans/{plan['id']}/versions")["data"][0]["id"]


def set_up_drill(admin: Page) -> int:
    """A scheduled tutorial drill at 30× with its roles filled: its id."""
    version_id = approved_plan_needing_approval(admin)
    drill = api(admin, "POST", "/api/drills", {
        "plan_version_id": version_id, "scenario_id": "tutorial", "language": "en",
        "speed": 30, "seed": 11, "title": "Tutorial with approvals",
    })  # fmt: skip
    members = {m["email"]: m["user_id"] for m in api(admin, "GET", "/api/members")["data"]}
    assignments = [{"user_id": members[email], "role_key": role} for email, role in ROLES.items()]
    api(admin, "PUT", f"/api/drills/{drill['id']}/participants", {"assignments": assignments})
    return drill["id"]


def facilitator_fires_adhoc_inject(facilitator: Page, base: str, drill_id: int) -> None:
    """The facilitator writes a journalist's message in the facilitator console."""
    facilitator.goto(f"{base}/drills/{drill_id}/control")
    facilitator.get_by_label("Channel").select_option("journalist_dm")
    facilitator.get_by_label("Author name or handle").fill("Nina Press")
    facilitator.get_by_label("Content").fill(
        "Nina from Radio Loire: can you confirm nobody was hurt?"
    )
    facilitator.get_by_label("Expects a response from the team").check()
    facilitator.get_by_label("Deadline (simulated minutes from now)").fill("2")
    facilitator.get_by_role("button", name="Send the inject now").click()
    expect(facilitator.locator("#adhoc-sent")).to_be_visible()


def rumour_filter_works(page: Page) -> None:
    """The rumour filter hides every other post."""
    page.locator(".feed-filter[value=rumour]").check()
    expect(page.locator("#feed-posts .post[data-rumour='']:visible")).to_have_count(0)
    expect(page.locator("#feed-posts .post:visible").first).to_be_visible()
    page.locator(".feed-filter[value=rumour]").uncheck()


def paused_scroll_queues_posts(page: Page) -> None:
    """With auto-scroll paused, new posts wait behind a "N new posts" button."""
    page.locator("#feed-pause").click()
    expect(page.locator("#feed-pause")).to_have_attribute("aria-pressed", "true")
    queued = page.locator("#feed-queued")
    expect(queued).to_be_visible(timeout=10_000)
    waiting = page.locator("#feed-posts .post.queued")
    ids = [post.get_attribute("id") for post in waiting.all()]
    assert ids and page.locator("#feed-posts .post.queued:visible").count() == 0
    queued.click()
    # Posts keep streaming while auto-scroll stays paused, so the button may come back with
    # newer ones: what must hold is that every post it held is now shown.
    for post_id in ids:
        expect(page.locator(f"#{post_id}")).to_be_visible()
        expect(page.locator(f"#{post_id}")).not_to_have_class(re.compile(r"\bqueued\b"))
    page.locator("#feed-pause").click()


def clock_command(facilitator: Page, base: str, drill_id: int, command: str, status: str) -> None:
    """Start, pause, resume or end the drill from the facilitator console."""
    if not facilitator.url.endswith(f"/drills/{drill_id}/control"):
        facilitator.goto(f"{base}/drills/{drill_id}/control")
    if command == "end":
        facilitator.once("dialog", lambda dialog: dialog.accept())
    facilitator.locator(f"#control-clock button[name=command][value={command}]").click()
    expect(facilitator.locator("#control-clock")).to_have_attribute("data-status", status)


def test_three_people_run_a_live_drill(browser, live_server: str, tmp_path: Path):
    errors: list[str] = []
    admin = signed_in(browser.new_context(), live_server, "admin@demo.stormdrill.test", errors)
    drill_id = set_up_drill(admin)
    facilitator = signed_in(
        browser.new_context(), live_server, "trainer@demo.stormdrill.test", errors
    )
    spokesperson = signed_in(
        browser.new_context(), live_server, "member2@demo.stormdrill.test", errors
    )
    approver = signed_in(browser.new_context(), live_server, "member1@demo.stormdrill.test", errors)

    clock_command(facilitator, live_server, drill_id, "start", "running")
    console = f"{live_server}/drills/{drill_id}/console"
    for page in (spokesperson, approver):
        page.goto(console)
    expect(spokesperson.locator("#feed-posts .post").first).to_be_visible(timeout=30_000)
    # The sentiment gauge shows the audience model's mood, from the feed summary events.
    expect(spokesperson.locator("#kpi-sentiment-label")).to_have_text(re.compile(r"^-?[01]\.\d\d$"))
    expect(spokesperson.locator("button[name=intent][value=approval]")).to_be_visible()
    expect(spokesperson.locator("button[name=intent][value=publish][data-primary]")).to_have_count(
        0
    )

    correct = spokesperson.locator("#feed-posts .post-correct").first
    expect(correct).to_be_attached(timeout=30_000)  # the rumour surfaces at 3 min (6 s real)
    # The whole drill lasts 20 real seconds: pause it so a slow machine cannot end it early.
    clock_command(facilitator, live_server, drill_id, "pause", "paused")
    expect(spokesperson.locator("#console-status")).to_have_class("badge status-paused")
    rumour_filter_works(approver)

    spokesperson.locator("#composer-text").fill(HOLDING)
    expect(spokesperson.locator("#composer-count")).to_contain_text(f"{len(HOLDING)}/280")
    spokesperson.locator("#composer-text").press("Control+Enter")
    request = approver.locator("#console-approvals .approval").first
    expect(request).to_contain_text(HOLDING, timeout=10_000)
    spokesperson.screenshot(path=str(tmp_path / "spokesperson.png"), full_page=True)
    approver.screenshot(path=str(tmp_path / "approver.png"), full_page=True)
    request.locator("button[name=decision][value=approve]").click()
    expect(approver.locator("#console-approvals .approval")).to_have_count(0)
    for page in (spokesperson, approver):
        expect(page.locator("#console-activity .activity--statement")).to_contain_text(
            HOLDING, timeout=10_000
        )

    correct.evaluate("button => button.click()")
    expect(spokesperson.locator("#composer-rumour")).to_have_value("health-inspection")
    spokesperson.locator("#composer-text").fill(CORRECTION)
    # The same approval rule for every public kind: the correction waits for the approver too.
    spokesperson.locator("button[name=intent][value=approval]").click()
    correction = approver.locator("#console-approvals .approval").first
    expect(correction).to_contain_text(CORRECTION, timeout=10_000)
    correction.locator("button[name=decision][value=approve]").click()
    expect(approver.locator("#console-activity .activity--correct_rumour")).to_contain_text(
        CORRECTION, timeout=10_000
    )

    facilitator_fires_adhoc_inject(facilitator, live_server, drill_id)
    expect(spokesperson.locator("#console-inbox")).to_contain_text("Radio Loire", timeout=10_000)

    clock_command(facilitator, live_server, drill_id, "resume", "running")
    paused_scroll_queues_posts(approver)
    clock_command(facilitator, live_server, drill_id, "end", "ended")
    expect(spokesperson.locator("#console-status")).to_have_attribute(
        "class", "badge status-ended", timeout=15_000
    )
    link = spokesperson.locator("a[href$='/record']")
    with spokesperson.expect_download() as download:
        link.click()
    record = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    jsonschema.validate(record, json.loads(SCHEMA.read_text(encoding="utf-8")))
    kinds = [a["kind"] for a in record["actions"]]
    assert kinds[:3] == ["request_approval", "approve", "statement"]
    assert kinds[3:6] == ["request_approval", "approve", "correct_rumour"]
    assert any(i["id"].startswith("adhoc-") for i in record["scenario"]["injects"])
    assert errors == [], errors[:3]
