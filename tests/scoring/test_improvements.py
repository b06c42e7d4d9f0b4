"""Improvement items: closed by a later plan change in their section, or by hand; reopened."""

from datetime import UTC, datetime, timedelta

from app.plans import items
from app.plans.models import PlanChange
from app.plans.schemas import AudienceCreate, MessageCreate
from app.plans.sections import SECTIONS
from app.scoring import improvements
from app.scoring.models import ItemStatus
from tests.plans.helpers import add, make_full_plan
from tests.scoring.review_helpers import in_days, item_of

PAST = datetime.now(UTC).replace(microsecond=0) - timedelta(days=300)
MESSAGE = MessageCreate(
    title="Rumour: no illness",
    kind="rumour_correction",
    audiences=["customers"],
    text="It is false that anyone fell ill. We will update you {next_update}.",
)


def test_a_later_change_in_the_items_section_marks_it_done_and_is_linked(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    item = item_of(session, plan, section="messages")
    add(session, org, plan, "messages", MESSAGE)
    [view] = improvements.list_items(session=session, plan=plan)
    assert view.item.status == ItemStatus.done
    change = session.get(PlanChange, view.item.done_change_id)
    assert change.action == "item_added" and change.detail["section"] == "messages"
    assert view.change.summary == "Rumour: no illness"
    assert view.item.id == item.id


def test_changes_elsewhere_or_before_the_item_do_not_close_it(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)  # its message changes predate the item
    add(session, org, plan, "audiences", AudienceCreate(name="Press", channels=["email"]))
    item = item_of(
        session, plan, section="messages", created=datetime.now(UTC) + timedelta(seconds=1)
    )
    messages = items.list_items(session=session, plan=plan, section=SECTIONS["messages"])
    items.move_item(
        session=session,
        user=None,
        plan=plan,
        section=SECTIONS["messages"],
        row=messages[0],
        offset=1,
    )
    assert improvements.reconcile(session=session, plan_ids=[plan.id]) == 0
    assert session.get(type(item), item.id).status == ItemStatus.open


def test_reopened_items_wait_for_a_new_change_and_can_be_closed_by_hand(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    item = item_of(session, plan, section="messages", created=PAST)
    assert improvements.reconcile(session=session, plan_ids=[plan.id]) == 1  # the full plan's
    improvements.reopen(session=session, item=item)
    assert improvements.reconcile(session=session, plan_ids=[plan.id]) == 0
    assert item.status == ItemStatus.open and item.done_change_id is None
    add(session, org, plan, "messages", MESSAGE)
    assert improvements.reconcile(session=session, plan_ids=[plan.id]) == 1
    improvements.reopen(session=session, item=item)
    improvements.mark_done(session=session, item=item)
    [view] = improvements.list_items(session=session, plan=plan)
    assert view.item.status == ItemStatus.done and view.change is None


def test_open_counts_flag_overdue_items_per_plan(session, factory):
    org = factory.org()
    plan = make_full_plan(session, org)
    late = item_of(session, plan, section="kpis")
    item_of(session, plan, section="roles")
    late.due_on = in_days(-1)
    session.add(late)
    session.commit()
    counts = improvements.open_counts(session=session, org=org, today=in_days(0))
    assert counts == {plan.id: (2, 1)}
    views = improvements.list_items(session=session, plan=plan, today=in_days(0))
    assert [v.overdue for v in views] == [True, False]
