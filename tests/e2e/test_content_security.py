"""The pages work under their Content-Security-Policy: nothing refused, no console error.

Chromium reports every refusal of the policy (an inline script or style, an eval, a file from
elsewhere) as a `securitypolicyviolation` event and a console error; both fail these tests,
in the live parts: the console's feed through the htmx SSE extension, the plan editor's live
preview, the review's charts and the dashboard's trend. (Every page an admin reaches, in both
languages, is checked under the policy by the walk that checks it with axe:
tests/e2e/test_accessibility.py.)
"""

from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import LANGUAGES, back_to_english, choose, settled, sign_in
from tests.e2e.test_review import api, running_drill


def test_the_live_parts_run_under_the_policy(
    page: Page, live_server: str, policy_problems: list[str]
):
    sign_in(page, live_server, "admin@demo.stormdrill.test")
    drill_id = running_drill(page, live_server)
    plan = api(page, "POST", f"{live_server}/api/plans", {"title": "Policy check plan"})
    try:
        for language in LANGUAGES:
            choose(page, live_server, language)
            with page.expect_response(lambda r: r.url.endswith(f"/drills/{drill_id}/events")):
                page.goto(f"{live_server}/drills/{drill_id}/console")
            # A post streamed in by the SSE extension and swapped into the feed.
            expect(page.locator("#feed-posts .post").first).to_be_visible(timeout=30_000)
            # The composer, resized by its user (a style attribute), swapped after a decision:
            # htmx must not copy that style onto the new composer, which the policy refuses.
            composer = page.locator("#composer-text")
            composer.evaluate("area => { area.style.height = '12em'; }")
            composer.fill(f"Decision logged in {language}")
            page.locator("button[name=intent][value=note]").click()
            expect(page.locator("#console-activity")).to_contain_text(f"logged in {language}")
            for path in ("control", "lobby", "roster"):
                page.goto(f"{live_server}/drills/{drill_id}/{path}")
                settled(page)

            page.goto(f"{live_server}/plans/{plan['id']}/messages/new")
            page.locator("#f-text").fill("{brand} is closed until {next_update}.")
            expect(page.locator("#message-preview")).not_to_contain_text("{brand}")
            expect(page.locator("#message-preview")).to_contain_text("closed until")

            page.goto(f"{live_server}/dashboard")
            expect(page.locator("#trend-chart canvas")).to_have_count(1)
        api(page, "POST", f"{live_server}/api/drills/{drill_id}/end")
        for language in LANGUAGES:
            choose(page, live_server, language)
            page.goto(f"{live_server}/drills/{drill_id}/review")
            expect(page.locator("#timeline-chart canvas")).to_have_count(1, timeout=30_000)
            expect(page.locator("#review-scores svg.score-chart")).to_be_visible()
    finally:
        back_to_english(page, live_server)
    assert policy_problems == []
