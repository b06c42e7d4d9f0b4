"""A person signs in with a demo login and switches the language."""

from playwright.sync_api import Page, expect

from app.demo import DEMO_PASSWORD


def test_sign_in_and_switch_language(page: Page, live_server: str, console_errors: list[str]):
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("author@demo.stormdrill.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("button", name="Se déconnecter")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert console_errors == []
