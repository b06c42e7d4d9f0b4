"""A comms lead writes a plan in the browser, fixes a refused field; an admin approves; print."""

import re

from playwright.sync_api import Page, expect

from app.demo import DEMO_PASSWORD


def test_author_writes_approves_and_prints_a_plan(
    page: Page, live_server: str, console_errors: list[str]
):
    page.goto(f"{live_server}/login")
    page.get_by_label("Email").fill("author@demo.stormdrill.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="English").click()

    page.get_by_role("link", name="Plans").click()
    expect(page.locator(".overdue-row")).to_contain_text("Rappel produit")
    page.get_by_role("link", name="New plan").click()
    page.get_by_label("Title").fill("Warehouse fire")
    page.get_by_label("Title").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Warehouse fire")

    page.get_by_role("link", name="Add a role").click()
    page.get_by_label("Name").fill("Spokesperson")
    page.get_by_label("May publish statements").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#section-roles")).to_contain_text("Spokesperson")

    page.get_by_role("link", name="Add a key message").click()
    page.get_by_label("Title").fill("First holding line")
    page.get_by_label("Kind").select_option("holding")
    text = page.get_by_label("Text")
    text.fill("We know about {incidnet} and will update you {next_update}.")
    expect(page.locator("#f-text-count")).to_have_text("59")
    expect(page.locator("#message-preview")).to_contain_text("within 2 hours")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#f-text-error")).to_contain_text("Unknown placeholder {incidnet}")
    expect(text).to_have_attribute("aria-invalid", "true")
    expect(text).to_be_focused()
    text.fill("We know about {incident} and will update you {next_update}.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#section-messages")).to_contain_text("First holding line")

    page.get_by_role("link", name="Add a KPI").click()
    page.get_by_label("Metric").select_option("priority_reply_rate")
    page.get_by_label("Target").fill("90")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#section-kpis")).to_contain_text("Priority posts answered in time")
    expect(page.locator("#section-kpis")).to_contain_text("Target: 90%")

    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("#four-eyes")).to_contain_text("another author or an admin approves it")
    expect(page.get_by_role("button", name="Approve and freeze a version")).to_have_count(0)
    plan_url = page.url
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Email").fill("admin@demo.stormdrill.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(plan_url)
    page.get_by_role("button", name="Approve and freeze a version").click()
    expect(page.locator("#plan-summary .badge").first).to_have_text("Approved")
    expect(page.get_by_role("link", name="v1")).to_be_visible()

    page.get_by_role("link", name="Printable plan").click()
    expect(page).to_have_url(re.compile(r"/plans/\d+/print$"))
    expect(page.locator("#plan-document")).to_contain_text("Spokesperson")
    expect(page.locator("#plan-document")).to_contain_text("We know about {incident}")
    page.emulate_media(media="print")
    expect(page.locator(".topbar")).to_be_hidden()
    assert console_errors == []
