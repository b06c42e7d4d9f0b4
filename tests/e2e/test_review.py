"""A trainer ends a running drill, walks its review, annotates, overrides and gets the PDF."""

from pathlib import Path

from playwright.sync_api import Page, expect

from app.demo import DEMO_PASSWORD

DEMO_PLAN = "Customer data breach – incident communication plan"
STATEMENT = (
    "We are sorry: we are aware of unauthorised access to some customer data. We are "
    "investigating and will update at 3pm. Do not reply to emails asking for your password."
)


def api(page: Page, method: str, path: str, data: dict | None = None) -> dict | list:
    """A JSON API call with the page's session cookie and CSRF token."""
    token = page.locator("meta[name=csrf-token]").get_attribute("content")
    answer = page.request.fetch(path, method=method, data=data, headers={"X-CSRF-Token": token})
    assert answer.ok, answer.text()
    return answer.json()


def running_drill(page: Page, base: str, speed: int = 60) -> int:
    """A data-breach drill (60× unless told) with the trainer holding two roles and acting twice."""
    plans = page.request.get(f"{base}/api/plans").json()["data"]
    plan = next(p for p in plans if p["title"] == DEMO_PLAN)  # other tests add plans too
    versions = page.request.get(f"{base}/api/plans/{plan['id']}/versions").json()["data"]
    version_id = versions[0]["id"]
    drill = api(
        page,
        "POST",
        f"{base}/api/drills",
        {"plan_version_id": version_id, "scenario_id": "data-breach", "seed": 3, "speed": speed},
    )
    me = page.request.get(f"{base}/api/me").json()["user"]
    roster = [
        {"user_id": me["id"], "role_key": "incident-comms-lead"},
        {"user_id": me["id"], "role_key": "monitor"},
    ]
    api(page, "PUT", f"{base}/api/drills/{drill['id']}/participants", {"assignments": roster})
    api(page, "POST", f"{base}/api/drills/{drill['id']}/start")
    actions = f"{base}/api/drills/{drill['id']}/actions"
    api(page, "POST", actions, {"kind": "note", "text": "Cell convened", "role_key": "monitor"})
    api(page, "POST", actions, {"kind": "request_approval", "text": STATEMENT})
    return drill["id"]


def test_trainer_reviews_an_ended_drill(page: Page, live_server: str, console_errors: list[str]):
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("trainer@demo.stormdrill.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    drill_id = running_drill(page, live_server)

    page.goto(f"{live_server}/drills/{drill_id}")
    page.locator("#drill-clock").get_by_role("button", name="End").click()
    page.get_by_role("link", name="Open the after-action review").click()
    expect(page.get_by_role("heading", name="After-action review")).to_be_visible(timeout=30_000)
    expect(page.locator("#timeline-chart canvas")).to_have_count(1)
    expect(page.locator("#review-scores svg.score-chart")).to_be_visible()
    expect(page.locator("#review-kpis table")).to_be_visible()

    first = page.locator("#review-actions li.event").first
    first.get_by_text("Annotate").click()
    first.get_by_label("Annotation").fill("Convened within two minutes: good")
    first.get_by_role("button", name="Add the annotation").click()
    expect(first.locator(".note")).to_contain_text("Convened within two minutes")
    expect(page.locator("#review-annotations")).to_contain_text("Convened within two minutes")

    row = page.locator("#review-scores tr.dimension-row").first
    row.locator("summary").click()
    row.get_by_label("Points (0–100)").fill("42")
    row.get_by_label("Justification (at least 10 characters)").fill("Checked against the call log")
    row.get_by_role("button", name="Save the override").click()
    scores = page.locator("#review-scores")
    expect(scores).to_contain_text("computed:")
    expect(scores).to_contain_text("Checked against the call log")

    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 20_000
    assert console_errors == []
