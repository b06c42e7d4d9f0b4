"""Plan pages: what people see, inline errors, stale saves, access, export and import."""

import pytest

from app.accounts.models import Role
from app.plans import items, service
from app.plans.schemas import PlanUpdate
from app.plans.sections import SECTIONS
from tests.factories import sign_in
from tests.plans.helpers import approve, make_full_plan, make_plan, send_for_review
from tests.plans.html import by_id, find_all


@pytest.fixture
def author(client, factory):
    org = factory.org()
    user = factory.member(org, Role.author)
    sign_in(client, user)
    return org, user


def test_the_plan_list_shows_cadence_and_overdue_plans(client, session, author):
    org, _user = author
    plan = make_plan(session, org, title="Listeria recall", drill_every_days=30)
    make_plan(session, org, title="Fresh plan")
    from datetime import timedelta

    from app.core.db import utcnow

    service.mark_drilled(session=session, plan_id=plan.id, at=utcnow() - timedelta(days=40))
    page = client.get("/plans")
    rows = find_all(page.text, "tr", class_="overdue-row")
    assert [row.text.split(" Draft")[0] for row in rows] == ["Listeria recall"]
    assert "Overdue" in rows[0].text


def test_creating_a_plan_with_a_missing_title_shows_the_error_inline(client, author):
    response = client.post(
        "/plans", data={"title": "  ", "languages": ["fr"], "drill_every_days": "abc"}
    )
    assert response.status_code == 422
    title = by_id(response.text, "p-title")
    assert title.get("aria-invalid") == "true" and "autofocus" in title.attrs
    assert by_id(response.text, "p-title-error").text == "This field cannot be empty."
    assert by_id(response.text, "p-cadence-error").text == "Enter a whole number."
    assert by_id(response.text, "p-cadence").get("value") == "abc"


def test_creating_a_plan_redirects_to_it(client, session, author):
    org, _user = author
    response = client.post(
        "/plans",
        data={"title": "Data breach", "languages": ["en"], "drill_every_days": "60"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert by_id(page.text, "section-severities").text.count("First response within") == 4


def test_a_key_message_with_an_unknown_placeholder_is_refused_next_to_the_text(
    client, session, author
):
    org, _user = author
    plan = make_plan(session, org)
    response = client.post(
        f"/plans/{plan.id}/messages",
        data={
            "title": "Holding",
            "kind": "holding",
            "language": "en",
            "text": "Sorry {customer}, more {next_update}",
        },
    )
    assert response.status_code == 422
    error = by_id(response.text, "f-text-error").text
    assert "Unknown placeholder {customer}" in error
    assert by_id(response.text, "f-text").text == "Sorry {customer}, more {next_update}"
    assert by_id(response.text, "f-title").get("value") == "Holding"


def test_the_preview_fills_placeholders_and_counts_characters(client, session, author):
    org, _user = author
    plan = make_plan(session, org)
    response = client.post(
        f"/plans/{plan.id}/preview",
        data={"text": "{brand}: " + "x" * 300},
        headers={"HX-Request": "true"},
    )
    preview = by_id(response.text, "message-preview")
    assert preview.text.startswith("Preview with sample values")
    assert org.name in preview.text and "Too long for one post" in preview.text
    assert f"{len(org.name) + 302} / 280" in preview.text


def test_a_stale_save_answers_409_and_keeps_the_input(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    role = items.list_items(session=session, plan=plan, section=SECTIONS["roles"])[0]
    url = f"/plans/{plan.id}/roles/{role.id}"
    assert (
        client.post(
            url, data={"name": "Press officer", "version": "1"}, follow_redirects=False
        ).status_code
        == 303
    )
    response = client.post(url, data={"name": "My stale edit", "version": "1"})
    assert response.status_code == 409
    assert "Someone else saved this" in find_all(response.text, "div", role="alert")[0].text
    assert by_id(response.text, "f-name").get("value") == "My stale edit"
    assert find_all(response.text, "input", name="version")[0].get("value") == "2"


def test_a_stale_plan_save_keeps_the_input(client, session, author):
    org, user = author
    plan = make_plan(session, org, user)
    data = {"title": "New title", "languages": ["en"], "drill_every_days": "90", "version": "1"}
    assert client.post(f"/plans/{plan.id}", data=data, follow_redirects=False).status_code == 303
    response = client.post(f"/plans/{plan.id}", data={**data, "title": "Mine"})
    assert response.status_code == 409
    assert by_id(response.text, "p-title").get("value") == "Mine"


def test_checklist_moves_work_without_and_with_htmx(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    from app.plans.schemas import ActionCreate
    from tests.plans.helpers import add

    second = add(session, org, plan, "checklist", ActionCreate(title="Brief support"))
    url = f"/plans/{plan.id}/checklist/{second.id}/move"
    response = client.post(url, data={"direction": "up"}, follow_redirects=False)
    assert response.headers["location"] == f"/plans/{plan.id}#section-checklist"
    response = client.post(url, data={"direction": "down"}, headers={"HX-Request": "true"})
    section = by_id(response.text, "section-checklist")
    assert section.text.index("Alert the crisis cell") < section.text.index("Brief support")


def test_approving_shows_the_version_and_the_printable_page(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    send_for_review(session, org, plan)  # by someone else: four eyes
    client.post(f"/plans/{plan.id}/status", data={"status": "approved", "version": plan.version})
    page = client.get(f"/plans/{plan.id}")
    assert "Approved" in by_id(page.text, "plan-summary").text
    version = service.list_versions(session=session, plan=plan)[0]
    assert find_all(page.text, "a", href=f"/plans/{plan.id}/versions/{version.id}")
    printed = client.get(f"/plans/{plan.id}/print")
    document = by_id(printed.text, "plan-document")
    assert "Spokesperson" in document.text and "T+15 min" in document.text
    assert "We know about {incident}" in document.text


def test_the_diff_page_shows_both_sides(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    approve(session, org, plan, user)
    service.update_plan(
        session=session,
        org=org,
        user=user,
        plan=plan,
        plan_in=service.PlanUpdate(title="Recall v2", version=plan.version),
    )
    page = client.get(f"/plans/{plan.id}/diff")
    cells = [(row.text) for row in find_all(page.text, "tr", class_="diff-changed")]
    assert any("Product recall plan" in c and "Recall v2" in c for c in cells)
    assert "Title" in [td.text.strip() for td in find_all(page.text, "td")]  # not "title"
    assert find_all(page.text, "code") == []


def test_history_lists_changes_with_their_author(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    page = client.get(f"/plans/{plan.id}/history")
    assert page.text.count(user.display_name) >= 6


def test_export_then_import_through_the_pages(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    exported = client.get(f"/plans/{plan.id}/export.yaml")
    assert exported.headers["content-type"].startswith("application/yaml")
    service.update_plan(  # another title, or the import would first ask about the clash
        session=session,
        org=org,
        user=user,
        plan=plan,
        plan_in=PlanUpdate(title="Older recall plan", version=plan.version),
    )
    response = client.post(
        "/plans/import", files={"file": ("plan.yaml", exported.content)}, follow_redirects=False
    )
    assert response.status_code == 303
    copy_id = int(response.headers["location"].rsplit("/", 1)[1])
    assert client.get(f"/plans/{copy_id}/export.yaml").text == exported.text


def test_an_invalid_import_names_the_field_next_to_the_file_field(client, author):
    response = client.post(
        "/plans/import",
        files={"file": ("p.yaml", b"title: x\nkpis:\n- metric: final_sentiment\n  target: 4\n")},
    )
    assert response.status_code == 422
    problems = [
        li for li in find_all(response.text, "li") if li.get("data-field") == "kpis.0.target"
    ]
    where = "p.yaml, line 4, KPIs, item 1, Target"
    assert len(problems) == 1 and problems[0].text.startswith(where)
    assert "kpis.0" not in problems[0].text


def test_members_read_but_cannot_write(client, session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    sign_in(client, factory.member(org, Role.member))
    page = client.get(f"/plans/{plan.id}")
    assert page.status_code == 200 and "Spokesperson" in page.text
    assert not find_all(page.text, "a", href=f"/plans/{plan.id}/roles/new")
    assert client.post(f"/plans/{plan.id}/roles", data={"name": "x"}).status_code == 403


def test_another_organisations_plan_is_not_found(client, session, factory, author):
    plan = make_full_plan(session, factory.org())
    assert client.get(f"/plans/{plan.id}").status_code == 404
    role = items.list_items(session=session, plan=plan, section=SECTIONS["roles"])[0]
    assert client.get(f"/plans/{plan.id}/roles/{role.id}").status_code == 404


def test_the_submitter_sees_why_they_cannot_approve_and_another_author_can(
    client, session, factory, author
):
    org, user = author
    plan = make_full_plan(session, org, user)
    send_for_review(session, org, plan, user)
    page = client.get(f"/plans/{plan.id}")
    statuses = [i.get("value") for i in find_all(page.text, "input", name="status")]
    assert "approved" not in statuses and "draft" in statuses
    assert "another author or an admin approves it" in by_id(page.text, "four-eyes").text
    forced = client.post(
        f"/plans/{plan.id}/status", data={"status": "approved", "version": plan.version}
    )
    assert forced.status_code == 403 and service.list_versions(session=session, plan=plan) == []
    sign_in(client, factory.member(org, Role.admin))
    page = client.get(f"/plans/{plan.id}")
    statuses = [i.get("value") for i in find_all(page.text, "input", name="status")]
    assert "approved" in statuses and find_all(page.text, id="four-eyes") == []


def test_an_approved_plan_warns_before_an_edit_sends_it_back_to_draft(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    approve(session, org, plan)
    for path in (f"/plans/{plan.id}", f"/plans/{plan.id}/audiences/new"):
        warning = by_id(client.get(path).text, "approved-warning")
        assert "Any change sends it back to draft" in warning.text, path
    items.create_item(
        session=session,
        org=org,
        user=user,
        plan=plan,
        section=SECTIONS["audiences"],
        data=SECTIONS["audiences"].create(name="Investors", channels=["X"]),
    )
    assert find_all(client.get(f"/plans/{plan.id}").text, id="approved-warning") == []


def test_an_admin_lets_authors_approve_their_own_plans(client, session, factory):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    sign_in(client, admin)
    page = client.get("/admin/organisation")
    box = find_all(page.text, "input", name="plans_self_approval")[0]
    assert box.get("checked") is None
    saved = client.post("/admin/organisation", data={"plans_self_approval": "true"})
    assert "Settings saved" in saved.text
    session.refresh(org)
    assert org.plans_self_approval
    client.post("/admin/organisation", data={})
    session.refresh(org)
    assert not org.plans_self_approval


def test_compare_versions_opens_on_the_last_two_that_differ(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    approve(session, org, plan)
    service.update_plan(
        session=session,
        org=org,
        user=user,
        plan=plan,
        plan_in=service.PlanUpdate(title="Recall v2", version=plan.version),
    )
    approve(session, org, plan)  # v2, and the current plan is the same as v2
    page = client.get(f"/plans/{plan.id}/diff")
    cells = [row.text for row in find_all(page.text, "tr", class_="diff-changed")]
    assert any("Product recall plan" in c and "Recall v2" in c for c in cells)


def test_the_preview_marks_every_unknown_placeholder_and_the_save_names_them_all(
    client, session, author
):
    org, _user = author
    plan = make_plan(session, org)
    text = "{brand} knows about {incidnet}; next update {nxt_update}, then {incidnet}."
    response = client.post(
        f"/plans/{plan.id}/preview", data={"text": text}, headers={"HX-Request": "true"}
    )
    marked = [m.text for m in find_all(response.text, "mark", class_="unknown-placeholder")]
    assert marked == ["{incidnet}", "{nxt_update}", "{incidnet}"]
    assert "{incidnet}, {nxt_update}" in by_id(response.text, "preview-unknown").text
    assert org.name in by_id(response.text, "message-preview").text
    refused = client.post(
        f"/plans/{plan.id}/messages",
        data={"title": "Holding", "kind": "holding", "language": "en", "text": text},
        headers={"HX-Request": "true"},
    )
    assert refused.status_code == 422
    error = by_id(refused.text, "f-text-error").text
    assert "Unknown placeholders {incidnet}, {nxt_update}." in error


def test_removing_an_item_through_the_page_checks_its_version(client, session, author):
    org, user = author
    plan = make_full_plan(session, org, user)
    kpi = items.list_items(session=session, plan=plan, section=SECTIONS["kpis"])[0]
    url = f"/plans/{plan.id}/kpis/{kpi.id}/delete"
    page = client.get(f"/plans/{plan.id}")
    form = page.text.split(f'action="{url}"', 1)[1].split("</form>", 1)[0]
    assert [i.get("value") for i in find_all(form, "input", name="version")] == [str(kpi.version)]
    stale = client.post(url, data={"version": kpi.version + 1}, follow_redirects=False)
    assert stale.status_code == 409
    assert items.list_items(session=session, plan=plan, section=SECTIONS["kpis"])
    removed = client.post(url, data={"version": kpi.version}, follow_redirects=False)
    assert removed.status_code in (200, 303)
    assert kpi.id not in [
        row.id for row in items.list_items(session=session, plan=plan, section=SECTIONS["kpis"])
    ]
