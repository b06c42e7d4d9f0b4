"""A trainer opens the dashboard on the demo data: scored drills, a drawn trend, a plan due."""

from playwright.sync_api import Page, expect

from app.demo import DEMO_PASSWORD


def sign_in_as_trainer(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("trainer@demo.stormdrill.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_the_trainer_dashboard_shows_the_demo_drills(
    page: Page, live_server: str, console_errors: list[str]
):
    sign_in_as_trainer(page, live_server)
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Trainer dashboard")).to_be_visible()
    expect(page.locator("#trend-chart canvas")).to_have_count(1)
    assert page.locator("#dashboard-drills td.score").count() >= 3
    expect(page.locator(".overdue-plan")).to_contain_text("Rappel produit")
    page.get_by_label("Show").select_option("team")
    expect(page.locator("#trend-chart .u-legend")).to_contain_text("Sam Patel")
    page.locator("summary", has_text="Trend as a table").click()
    expect(page.locator(".trend-table table")).to_be_visible()
    page.get_by_role("link", name="Improvement items · Rappel produit", exact=False).click()
    expect(page.locator(".improvement.overdue")).to_have_count(1)
    assert console_errors == []


def test_the_dashboard_in_french(page: Page, live_server: str, console_errors: list[str]):
    sign_in_as_trainer(page, live_server)
    page.get_by_role("button", name="Français").click()
    page.get_by_role("link", name="Tableau de bord").click()
    expect(page.get_by_role("heading", name="Tableau de bord du formateur")).to_be_visible()
    expect(page.locator("#trend-chart canvas")).to_have_count(1)
    expect(page.get_by_role("link", name="Préparer un exercice")).to_be_visible()
    page.get_by_role("button", name="English").click()  # the choice is saved: leave it as found
    expect(page.get_by_role("heading", name="Trainer dashboard")).to_be_visible()
    assert console_errors == []
