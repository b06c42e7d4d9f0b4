"""The inject bank's services: save, add to another scenario (time, unique id, rumours,
optimistic locking), delete, isolation, and the audit rows of every studio write."""

import pytest
from sqlmodel import select

from app.accounts.audit_models import AuditAction, AuditEvent
from app.core.errors import Conflict, Invalid, NotFound
from app.core.i18n import current_language
from app.scenarios import library
from app.studio import bank, service
from app.studio.document import to_yaml
from app.studio.models import BankEntryIn, BankUseIn, ImportIn
from tests.studio.helpers import document, edit, make_scenario


def actions(session, org) -> list[AuditAction]:
    rows = session.exec(
        select(AuditEvent).where(AuditEvent.organisation_id == org.id).order_by(AuditEvent.id)
    ).all()
    return [row.action for row in rows]


def first_inject(session, row, rumour: bool = False) -> dict:
    injects = document(session, row)["injects"]
    return next(i for i in injects if bool(i.get("rumour")) == rumour)


def save(session, org, row, inject_id):
    return bank.save_inject(
        session=session,
        org=org,
        user=None,
        entry_in=BankEntryIn(scenario_id=row.id, inject_id=inject_id),
    )


def use(session, org, entry, row, version, minutes, user=None):
    return bank.use_entry(
        session=session,
        org=org,
        user=user,
        entry=entry,
        use_in=BankUseIn(scenario_id=row.id, version=version, at_minutes=minutes),
    )


def test_an_inject_saved_then_added_elsewhere_lands_at_the_time_chosen(session, factory):
    org = factory.org()
    source = make_scenario(session, org, "data-breach", slug="our-breach")
    target = make_scenario(session, org, "product-recall", slug="our-recall")
    inject = first_inject(session, source)
    entry = save(session, org, source, inject["id"])
    assert entry.inject == inject
    assert entry.source_title == document(session, source)["title"]
    assert [e.id for e in bank.list_entries(session=session, org=org)] == [entry.id]

    at_minutes = 20
    row, version = use(session, org, entry, target, 1, at_minutes)
    assert (row.id, version.number) == (target.id, 2)
    added = next(i for i in version.document["injects"] if i["id"] == inject["id"])
    assert added["at"] == at_minutes * 60
    assert added["deadline"] - added["at"] == inject["deadline"] - inject["at"]
    assert added["content"] == inject["content"]


def test_an_id_the_scenario_already_uses_is_made_unique(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    inject = first_inject(session, row)
    entry = save(session, org, row, inject["id"])
    _row, version = use(session, org, entry, row, 1, 1)
    ids = [i["id"] for i in version.document["injects"]]
    assert len(ids) == len(set(ids)) == len(document(session, row)["injects"])
    assert f"{inject['id']}-2" in ids


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_inject_about_a_rumour_the_target_lacks_is_refused_by_its_claim(
    session, factory, language
):
    org = factory.org()
    source = make_scenario(session, org, "tutorial", slug="our-cafe")
    target = make_scenario(session, org, "data-breach", slug="our-breach")
    inject = first_inject(session, source, rumour=True)
    entry = save(session, org, source, inject["id"])
    claim = next(r for r in document(session, source)["rumours"] if r["id"] == inject["rumour"])
    token = current_language.set(language)
    try:
        with pytest.raises(Invalid) as refused:
            use(session, org, entry, target, 1, 5)
    finally:
        current_language.reset(token)
    assert claim["claim"][language] in refused.value.message
    assert inject["rumour"] not in refused.value.message
    session.refresh(target)
    assert target.version == 1


def test_an_inject_keeps_its_rumour_where_the_target_has_it(session, factory):
    org = factory.org()
    source = make_scenario(session, org, "tutorial", slug="our-cafe")
    target = make_scenario(session, org, "tutorial", slug="our-other-cafe")
    inject = first_inject(session, source, rumour=True)
    entry = save(session, org, source, inject["id"])
    _row, version = use(session, org, entry, target, 1, 4)
    assert {i["rumour"] for i in version.document["injects"] if i["at"] == 240} == {
        inject["rumour"]
    }


def test_a_stale_version_or_a_time_past_the_end_changes_nothing(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    entry = save(session, org, row, first_inject(session, row)["id"])
    edit(session, row, severity=2)
    with pytest.raises(Conflict):
        use(session, org, entry, row, 1, 1)
    past_end = library.load_scenario("tutorial").duration // 60 + 5
    with pytest.raises(Invalid) as refused:
        use(session, org, entry, row, 2, past_end)
    assert refused.value.field.startswith("injects")
    session.refresh(row)
    assert row.version == 2


def test_unknown_injects_and_other_organisations_are_refused(session, factory):
    org, other = factory.org(), factory.org()
    row = make_scenario(session, org)
    theirs = make_scenario(session, other)
    with pytest.raises(Invalid) as unknown:
        save(session, org, row, "no-such-inject")
    assert unknown.value.field == "inject_id"
    with pytest.raises(Invalid) as foreign:
        save(session, org, theirs, first_inject(session, theirs)["id"])
    assert foreign.value.field == "scenario_id"
    entry = save(session, other, theirs, first_inject(session, theirs)["id"])
    with pytest.raises(NotFound):
        bank.get_entry(session=session, org=org, entry_id=entry.id)
    assert bank.list_entries(session=session, org=org) == []


def test_a_deleted_entry_leaves_the_scenarios_it_was_added_to(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    entry = save(session, org, row, first_inject(session, row)["id"])
    use(session, org, entry, row, 1, 2)
    count = len(document(session, row)["injects"])
    bank.delete_entry(session=session, entry=entry, user=None)
    assert bank.list_entries(session=session, org=org) == []
    assert len(document(session, row)["injects"]) == count


def test_every_studio_write_is_in_the_audit_log(session, factory):
    org = factory.org()
    user = factory.member(org)
    row = make_scenario(session, org)
    text = to_yaml(library.load_scenario("tutorial")).replace("id: tutorial", "id: our-import", 1)
    service.import_yaml(
        session=session, org=org, user=user, import_in=ImportIn(yaml=text, filename="our.yaml")
    )
    edit(session, row, severity=2)
    entry = save(session, org, row, first_inject(session, row)["id"])
    use(session, org, entry, row, 2, 3, user=user)
    bank.delete_entry(session=session, entry=entry, user=user)
    session.refresh(row)
    service.delete_scenario(session=session, row=row, version=row.version, user=user)
    assert actions(session, org) == [
        AuditAction.scenario_cloned,
        AuditAction.scenario_imported,
        AuditAction.scenario_edited,
        AuditAction.bank_inject_saved,
        AuditAction.bank_inject_used,
        AuditAction.bank_inject_deleted,
        AuditAction.scenario_deleted,
    ]
    last = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (last.target, last.actor_id) == (row.slug, user.id)
