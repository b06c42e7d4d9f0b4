"""An admin invites a new member, who joins through the link, and changes a member's role."""

from playwright.sync_api import Browser, Page, expect

from app.demo import DEMO_PASSWORD


def test_admin_invites_a_member_and_changes_a_role(
    page: Page, browser: Browser, live_server: str, console_errors: list[str]
):
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("admin@demo.stormdrill.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Members").click()
    expect(page.get_by_role("heading", name="Members of Demo Foods & Software")).to_be_visible()

    page.locator("#add-email").fill("newcomer@demo.stormdrill.test")
    page.locator("#add-role").select_option("trainer")
    page.get_by_role("button", name="Add or invite").click()
    link = page.locator("#invitation-link input")
    expect(page.locator("#invitation-link")).to_contain_text("newcomer@demo.stormdrill.test")
    invite_url = link.input_value()
    assert invite_url.startswith(f"{live_server}/invitations/inv_")

    row = page.locator("tr", has_text="Léa Martin")
    row.get_by_label("Role of Léa Martin").select_option("trainer")
    row.get_by_role("button", name="Change role").click()
    expect(page.locator("#invitation-link")).to_have_count(0)
    expect(page.locator("tr", has_text="Léa Martin").locator("option:checked")).to_have_text(
        "Trainer"
    )
    page.reload()
    expect(page.locator("tr", has_text="Léa Martin").locator("option:checked")).to_have_text(
        "Trainer"
    )

    invitee = browser.new_context().new_page()
    invitee.goto(invite_url)
    invitee.get_by_label("Your name").fill("Noa Newcomer")
    invitee.get_by_label("Password").fill("a fine password")
    invitee.get_by_role("button", name="Create my account").click()
    expect(invitee.get_by_role("heading", name="Welcome, Noa Newcomer")).to_be_visible()
    invitee.context.close()

    page.reload()
    expect(page.locator("tr", has_text="Noa Newcomer").locator("option:checked")).to_have_text(
        "Trainer"
    )
    assert console_errors == []
