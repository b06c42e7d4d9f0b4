"""An admin reads the audit log in the browser, filters it in place and finds the exports."""

from playwright.sync_api import Page, expect

from app.demo import DEMO_PASSWORD


def test_admin_filters_the_audit_log(page: Page, live_server: str, console_errors: list[str]):
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("admin@demo.stormdrill.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="API tokens").click()
    page.locator("#token-name").fill("audit e2e")
    page.get_by_role("button", name="Create token").click()
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", name="Audit log of Demo Foods & Software")).to_be_visible()
    expect(page.locator("#audit tbody tr[data-action=sign_in]").first).to_contain_text(
        "admin@demo.stormdrill.test"
    )

    page.locator("#audit-action").select_option("token_created")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(f"{live_server}/admin/audit?action=token_created&actor=&since=&until=")
    rows = page.locator("#audit tbody tr")
    expect(rows.first).to_contain_text("audit e2e")
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.action)")) == {"token_created"}
    expect(page.locator("#export-csv")).to_have_attribute(
        "href", "/admin/audit/export.csv?action=token_created"
    )
    assert console_errors == []
