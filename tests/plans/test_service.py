"""Plan services: creation, locking, approval and versions, history, references, cadence."""

from datetime import timedelta

import pytest
from pydantic import ValidationError

from app.accounts import service as accounts
from app.accounts.models import Role
from app.core.db import utcnow
from app.core.errors import Conflict, Forbidden, Invalid, NotFound
from app.plans import items, service
from app.plans.catalogue import METRIC_LABELS
from app.plans.models import PlanRole
from app.plans.schemas import (
    ActionCreate,
    AudienceCreate,
    KpiCreate,
    PlanUpdate,
    RoleCreate,
    RoleUpdate,
)
from app.plans.sections import SECTIONS
from tests.plans.helpers import add, approve, make_full_plan, make_plan, send_for_review


def test_a_new_plan_is_a_draft_with_four_severity_levels_in_its_language(session, factory):
    org = factory.org()
    plan = make_plan(session, org, languages=["fr", "en"])
    levels = items.list_items(session=session, plan=plan, section=SECTIONS["severities"])
    assert plan.status == "draft"
    assert [(level.level, level.name) for level in levels] == [
        (1, "Mineure"),
        (2, "Modérée"),
        (3, "Grave"),
        (4, "Critique"),
    ]
    assert [level.response_minutes for level in levels] == [240, 120, 60, 30]


def test_a_plan_of_another_organisation_is_not_found(session, factory):
    plan = make_plan(session, factory.org())
    with pytest.raises(NotFound):
        service.get_plan(session=session, org=factory.org(), plan_id=plan.id)


def test_a_stale_plan_update_is_refused_and_changes_nothing(session, factory):
    org = factory.org()
    plan = make_plan(session, org)
    service.update_plan(
        session=session,
        org=org,
        user=None,
        plan=plan,
        plan_in=PlanUpdate(title="Second title", version=1),
    )
    assert plan.version == 2
    with pytest.raises(Conflict) as caught:
        service.update_plan(
            session=session,
            org=org,
            user=None,
            plan=plan,
            plan_in=PlanUpdate(title="Stale title", version=1),
        )
    assert caught.value.field == "version"
    session.refresh(plan)
    assert plan.title == "Second title"


def test_a_stale_item_update_is_refused(session, factory):
    org = factory.org()
    plan = make_plan(session, org)
    role = add(session, org, plan, "roles", RoleCreate(name="Spokesperson"))
    update = RoleUpdate(name="Press officer", version=1)
    items.update_item(
        session=session,
        org=org,
        user=None,
        plan=plan,
        section=SECTIONS["roles"],
        row=role,
        data=update,
    )
    with pytest.raises(Conflict):
        items.update_item(
            session=session,
            org=org,
            user=None,
            plan=plan,
            section=SECTIONS["roles"],
            row=role,
            data=RoleUpdate(name="Stale", version=1),
        )
    assert session.get(PlanRole, role.id).name == "Press officer"


def test_approving_freezes_numbered_versions_that_later_edits_do_not_touch(session, factory):
    org = factory.org()
    author = factory.member(org, Role.author)
    plan = make_full_plan(session, org, author)
    approve(session, org, plan, author)
    first = service.list_versions(session=session, plan=plan)[0]
    assert (plan.status, first.number, first.approved_by_id) == ("approved", 1, author.id)
    role = items.list_items(session=session, plan=plan, section=SECTIONS["roles"])[0]
    items.update_item(
        session=session,
        org=org,
        user=author,
        plan=plan,
        section=SECTIONS["roles"],
        row=role,
        data=RoleUpdate(name="Chief spokesperson", version=role.version),
    )
    assert plan.status == "draft"
    assert first.snapshot["roles"][0]["name"] == "Spokesperson"
    approve(session, org, plan, author)
    numbers = [v.number for v in service.list_versions(session=session, plan=plan)]
    assert numbers == [2, 1]


def test_a_plan_without_key_messages_cannot_be_approved(session, factory):
    org = factory.org()
    plan = make_plan(session, org)
    service.change_status(
        session=session, org=org, user=None, plan=plan, status="in_review", version=plan.version
    )
    with pytest.raises(Conflict, match="key message"):
        service.change_status(
            session=session, org=org, user=None, plan=plan, status="approved", version=plan.version
        )


def test_a_draft_cannot_jump_to_approved(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    with pytest.raises(Conflict):
        service.change_status(
            session=session, org=org, user=None, plan=plan, status="approved", version=plan.version
        )


def test_an_archived_plan_is_read_only(session, factory):
    org = factory.org()
    plan = make_plan(session, org)
    service.change_status(
        session=session, org=org, user=None, plan=plan, status="archived", version=plan.version
    )
    with pytest.raises(Conflict, match="archived"):
        add(session, org, plan, "roles", RoleCreate(name="Monitor"))


def test_the_history_says_who_changed_what(session, factory):
    org = factory.org()
    author = factory.member(org, Role.author, display_name="Ana Ruiz")
    plan = make_plan(session, org, author)
    service.update_plan(
        session=session,
        org=org,
        user=author,
        plan=plan,
        plan_in=PlanUpdate(drill_every_days=30, version=plan.version),
    )
    changes = service.list_changes(session=session, plan=plan)
    assert [change.action for change, _user in changes] == ["updated", "created"]
    latest, who = changes[0]
    assert who.display_name == "Ana Ruiz"
    assert latest.detail["fields"] == {"drill_every_days": [90, 30]}


def test_versions_are_scoped_to_the_organisation(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    approve(session, org, plan)
    version = service.list_versions(session=session, plan=plan)[0]
    assert service.get_plan_version(session=session, org=org, version_id=version.id) == version
    with pytest.raises(NotFound):
        service.get_plan_version(session=session, org=factory.org(), version_id=version.id)


def test_the_drill_record_plan_follows_the_format(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    approve(session, org, plan)
    version = service.list_versions(session=session, plan=plan)[0]
    record = service.version_drill_plan(session=session, org=org, version_id=version.id, severity=2)
    assert record["roles"] == [
        {"id": "spokesperson", "name": "Spokesperson", "can_publish": True, "approves": False}
    ]
    assert record["key_messages"][0]["kind"] == "holding"
    assert record["key_messages"][0]["audience"] == "customers"
    assert record["checklist"] == [
        {
            "id": "alert-the-crisis-cell",
            "title": "Alert the crisis cell",
            "owner": "spokesperson",
            "due_s": 900,
        }
    ]
    assert record["kpis"] == [{"metric": "priority_reply_rate", "target": 0.8, "weight": 1.0}]
    assert record["approval_required"] is False
    assert (
        service.version_drill_plan(session=session, org=org, version_id=version.id, severity=4)[
            "approval_required"
        ]
        is True
    )


@pytest.mark.parametrize(
    ("slug", "data", "field"),
    [
        ("checklist", ActionCreate(title="Call the regulator", owner_role="legal"), "owner_role"),
        ("roles", RoleCreate(name="Holder", holder_member="nobody@example.org"), "holder_member"),
    ],
)
def test_references_to_unknown_things_are_refused_naming_the_field(
    session, factory, slug, data, field
):
    org = factory.org()
    plan = make_plan(session, org)
    with pytest.raises(Invalid) as caught:
        add(session, org, plan, slug, data)
    assert caught.value.field == field


def test_a_member_can_hold_a_role(session, factory):
    org = factory.org()
    member = factory.member(org, email="lea@example.org")
    plan = make_plan(session, org)
    role = add(
        session, org, plan, "roles", RoleCreate(name="Monitor", holder_member="LEA@example.org")
    )
    assert role.holder_user_id == member.id
    values = items.item_values(session=session, section=SECTIONS["roles"], row=role)
    assert values["holder_member"] == "lea@example.org"


def test_a_role_still_owning_actions_cannot_be_removed(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    role = items.list_items(session=session, plan=plan, section=SECTIONS["roles"])[0]
    with pytest.raises(Conflict, match="Alert the crisis cell"):
        items.delete_item(
            session=session,
            user=None,
            plan=plan,
            section=SECTIONS["roles"],
            row=role,
            version=role.version,
        )


def test_checklist_items_move_up_and_down(session, factory):
    org = factory.org()
    plan = make_plan(session, org)
    section = SECTIONS["checklist"]
    first, second, third = (
        add(session, org, plan, "checklist", ActionCreate(title=t)) for t in ("One", "Two", "Three")
    )
    items.move_item(session=session, user=None, plan=plan, section=section, row=third, offset=-1)
    items.move_item(session=session, user=None, plan=plan, section=section, row=first, offset=-1)
    titles = [a.title for a in items.list_items(session=session, plan=plan, section=section)]
    assert titles == ["One", "Three", "Two"]


@pytest.mark.parametrize(
    ("metric", "target", "ok"),
    [
        ("priority_reply_rate", 0.9, True),
        ("priority_reply_rate", 1.5, False),
        ("time_to_first_response_s", 600, True),
        ("time_to_first_response_s", 0, False),
        ("final_sentiment", -0.5, True),
        ("final_sentiment", -2, False),
    ],
)
def test_kpi_targets_are_checked_per_metric(metric, target, ok):
    if ok:
        assert KpiCreate(metric=metric, target=target).target == target
        return
    with pytest.raises(ValidationError) as caught:
        KpiCreate(metric=metric, target=target)
    error = caught.value.errors()[0]
    assert error["loc"] == ("target",) and str(METRIC_LABELS[metric]) in error["msg"]


def test_mark_drilled_sets_the_cadence_and_overdue_plans_stand_out(session, factory):
    org = factory.org()
    plan = make_plan(session, org, drill_every_days=30)
    now = utcnow()
    service.mark_drilled(session=session, plan_id=plan.id, at=now - timedelta(days=45))
    assert service.is_overdue(plan, now)
    service.mark_drilled(session=session, plan_id=plan.id, at=now - timedelta(days=2))
    public = service.plan_public(plan, now)
    assert not public.overdue
    assert public.next_drill_due_at == service.as_aware(plan.last_drilled_at) + timedelta(days=30)


def test_four_eyes_the_author_who_sent_a_plan_for_review_does_not_approve_it(session, factory):
    org = factory.org()
    author, other = factory.member(org, Role.author), factory.member(org, Role.author)
    plan = make_full_plan(session, org, author)
    send_for_review(session, org, plan, author)
    with pytest.raises(Forbidden, match="another author or an admin") as refused:
        service.change_status(
            session=session,
            org=org,
            user=author,
            plan=plan,
            status="approved",
            version=plan.version,
        )
    assert refused.value.field == "status"
    assert plan.status == "in_review" and service.list_versions(session=session, plan=plan) == []
    service.change_status(
        session=session, org=org, user=other, plan=plan, status="approved", version=plan.version
    )
    assert service.list_versions(session=session, plan=plan)[0].approved_by_id == other.id


def test_an_organisation_may_allow_authors_to_approve_their_own_plans(session, factory):
    org = factory.org()
    author = factory.member(org, Role.author)
    plan = make_full_plan(session, org, author)
    send_for_review(session, org, plan, author)
    assert not service.may_approve(session=session, org=org, plan=plan, user=author)
    accounts.update_organisation_settings(session=session, org=org, plans_self_approval=True)
    service.change_status(
        session=session, org=org, user=author, plan=plan, status="approved", version=plan.version
    )
    assert plan.status == "approved"


def test_sending_back_to_draft_and_again_for_review_names_the_new_submitter(session, factory):
    org = factory.org()
    first, second = factory.member(org, Role.author), factory.member(org, Role.author)
    plan = make_full_plan(session, org, first)
    send_for_review(session, org, plan, first)
    service.change_status(
        session=session, org=org, user=first, plan=plan, status="draft", version=plan.version
    )
    send_for_review(session, org, plan, second)
    assert service.submitted_by(session=session, plan=plan) == second.id
    assert service.may_approve(session=session, org=org, plan=plan, user=first)
    assert not service.may_approve(session=session, org=org, plan=plan, user=second)


def test_editing_an_approved_plan_says_which_version_stays_in_use(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    approve(session, org, plan)
    add(session, org, plan, "audiences", AudienceCreate(name="Investors", channels=["X"]))
    reopened = [c for c, _user in service.list_changes(session=session, plan=plan)]
    [entry] = [c for c in reopened if c.action == "reopened"]
    assert "v1 stays the approved version" in entry.summary
