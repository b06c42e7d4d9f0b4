"""A drill's roster starts from the plan's holders; members find their drills on the home page."""

import copy

from app.accounts.models import Role
from app.drills import service
from app.drills.clock import ClockEventKind
from app.drills.models import DrillCreate
from app.plans import service as plans
from app.plans import transfer
from tests.drills.helpers import PLAN_DOCUMENT, make_team
from tests.factories import sign_in
from tests.plans.helpers import approve
from tests.plans.html import by_id, find_all


def drill_of_a_plan_with_holders(session, factory):
    """A drill whose plan names a member for two roles and an outsider for the third."""
    org = factory.org()
    trainer = factory.member(org, Role.trainer)
    holder = factory.member(org, display_name="Noor Haddad")
    former = factory.member(factory.org())
    document = copy.deepcopy(PLAN_DOCUMENT)
    document["roles"][0]["holder_member"] = holder.email
    document["roles"][1]["holder_contact"] = "Ana Ruiz (agency)"
    document["roles"][2]["holder_member"] = holder.email
    plan = transfer.import_document(session=session, org=org, user=trainer, data=document)
    approve(session, org, plan)
    version = plans.list_versions(session=session, plan=plan)[0]
    # A holder who left the organisation after the plan was approved is not drafted.
    version.snapshot = {
        **version.snapshot,
        "roles": [
            *version.snapshot["roles"][:2],
            {**version.snapshot["roles"][2], "holder_member": former.email},
        ],
    }
    session.add(version)
    session.commit()
    drill_in = DrillCreate(plan_version_id=version.id, scenario_id="tutorial", seed=3)
    drill = service.create_drill(session=session, org=org, user=trainer, drill_in=drill_in)
    return org, trainer, holder, drill


def test_a_new_drill_starts_with_the_plans_member_holders(session, factory):
    org, _trainer, holder, drill = drill_of_a_plan_with_holders(session, factory)
    roster = service.roster(session=session, drill=drill)
    held = {slot.role_key: slot.user_ids for slot in roster.roles}
    assert held == {"spokesperson": [holder.id], "approver": [], "monitor": []}
    assert roster.unfilled == ["approver", "monitor"]


def test_the_roster_form_shows_the_holders_ticked_and_can_change_them(client, session, factory):
    org, trainer, holder, drill = drill_of_a_plan_with_holders(session, factory)
    sign_in(client, trainer)
    form = client.get(f"/drills/{drill.id}/roster").text
    ticked = {
        (box.get("name"), box.get("value"))
        for box in find_all(form, "input", type="checkbox")
        if "checked" in box.attrs
    }
    assert ticked == {("role-spokesperson", str(holder.id))}
    saved = client.post(
        f"/drills/{drill.id}/roster",
        data={"role-monitor": str(holder.id)},
        headers={"HX-Request": "true"},
    )
    assert saved.status_code == 200
    held = {s.role_key: s.user_ids for s in service.roster(session=session, drill=drill).roles}
    assert held == {"spokesperson": [], "approver": [], "monitor": [holder.id]}


def test_the_home_page_lists_my_upcoming_and_running_drills_with_their_links(
    client, session, factory
):
    team = make_team(session, factory)
    other = make_team(session, factory)
    sign_in(client, team.spokesperson)
    home = client.get("/").text
    assert by_id(home, "my-drills").get("hx-get") == "/drills/mine"
    listed = client.get("/drills/mine", headers={"HX-Request": "true"}).text
    links = [a.get("href") for a in find_all(listed, "a")]
    assert links == [f"/drills/{team.drill.id}/lobby"]
    assert f"/drills/{other.drill.id}/lobby" not in links
    service.control(session=session, drill=team.drill, kind=ClockEventKind.start)
    running = client.get("/drills/mine").text
    assert [a.get("href") for a in find_all(running, "a", class_="button primary")] == [
        f"/drills/{team.drill.id}/console"
    ]
    service.control(session=session, drill=team.drill, kind=ClockEventKind.end)
    ended = client.get("/drills/mine", headers={"HX-Request": "true"}).text
    assert f"/drills/{team.drill.id}" not in ended
    assert "No drill is planned for you" in by_id(ended, "my-drills").text


def test_someone_without_a_role_sees_no_drill(client, session, factory):
    team = make_team(session, factory)
    sign_in(client, team.outsider)
    listed = client.get("/drills/mine", headers={"HX-Request": "true"}).text
    assert "No drill is planned for you" in by_id(listed, "my-drills").text
