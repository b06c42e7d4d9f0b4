"""Studio services: clone, import, edit as new versions, delete, and the version a drill keeps."""

import json

import pytest
from sqlmodel import select

from app.core.errors import Conflict, Invalid, NotFound
from app.core.limits import MAX_DEPTH
from app.drills import export
from app.drills import service as drills
from app.scenarios import library
from app.scoring import reviews
from app.scoring import service as scoring
from app.studio import service
from app.studio.document import to_yaml
from app.studio.models import ImportIn, ScenarioUpdate, ScenarioVersion
from tests.drills.helpers import make_drill
from tests.scoring.review_helpers import ended_drill
from tests.studio.helpers import document, edit, make_scenario


def test_a_clone_is_the_library_scenario_under_a_free_id(session, factory):
    org = factory.org()
    first, second = make_scenario(session, org), make_scenario(session, org)
    assert (first.slug, second.slug) == ("tutorial-2", "tutorial-3")
    cloned = service.document_of(service.latest_version(session=session, row=first))
    original = library.load_scenario("tutorial")
    assert cloned.model_copy(update={"id": "tutorial"}) == original


def test_an_id_already_used_is_refused(session, factory):
    org = factory.org()
    make_scenario(session, org, slug="ours")
    for slug in ("ours", "product-recall"):
        with pytest.raises(Invalid) as refused:
            make_scenario(session, org, slug=slug)
        assert refused.value.field == "id"


def test_an_import_validates_as_the_loader_does_naming_file_line_and_field(session, factory):
    org = factory.org()
    text = to_yaml(library.load_scenario("tutorial")).replace("severity: 1", "severity: 9")
    with pytest.raises(Invalid) as refused:
        service.import_yaml(
            session=session, org=org, user=None, import_in=ImportIn(yaml=text, filename="ours.yaml")
        )
    line = text.splitlines().index("severity: 9") + 1
    assert refused.value.field == "severity"
    assert f"ours.yaml:{line}: severity:" in refused.value.message
    assert service.list_scenarios(session=session, org=org) == []


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("a: &x 1\nb: *x\n", "alias"),
        ("a: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n", "depth"),
    ],
)
def test_an_import_refuses_aliases_and_deep_nesting(session, factory, text, limit):
    with pytest.raises(Invalid) as refused:
        service.import_yaml(
            session=session, org=factory.org(), user=None, import_in=ImportIn(yaml=text)
        )
    assert limit in refused.value.field


def test_a_valid_import_keeps_its_id(session, factory):
    org = factory.org()
    scenario = library.load_scenario("tutorial").model_copy(update={"id": "leak-drill"})
    row = service.import_yaml(
        session=session, org=org, user=None, import_in=ImportIn(yaml=to_yaml(scenario))
    )
    assert row.slug == "leak-drill"
    assert service.document_of(service.latest_version(session=session, row=row)) == scenario


def test_an_edit_is_a_new_version_and_a_stale_one_is_refused(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    data = document(session, row)
    data["brand"] = {**data["brand"], "name": "Maison Dupont"}
    service.update_scenario(
        session=session, user=None, row=row, update=ScenarioUpdate(version=1, document=data)
    )
    assert row.version == 2
    with pytest.raises(Conflict):
        service.update_scenario(
            session=session, user=None, row=row, update=ScenarioUpdate(version=1, document=data)
        )
    numbers = session.exec(
        select(ScenarioVersion.number).where(ScenarioVersion.scenario_id == row.id)
    ).all()
    assert sorted(numbers) == [1, 2]


def test_an_invalid_edit_names_every_field_and_saves_nothing(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    with pytest.raises(Invalid) as refused:
        edit(session, row, severity=7, facts=[])
    assert {field for field, _m in refused.value.problems} >= {"severity", "facts"}
    assert row.version == 1


def test_another_organisations_scenario_is_not_found(session, factory):
    row = make_scenario(session, factory.org())
    with pytest.raises(NotFound):
        service.get_scenario(session=session, org=factory.org(), scenario_id=row.id)


def test_a_drill_keeps_the_version_it_ran_and_its_review_ignores_later_edits(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    drill = make_drill(session, org, scenario_id=row.slug)
    assert drill.scenario_version_id == service.latest_version(session=session, row=row).id
    drill = ended_drill(session, org)
    before = reviews.compute(session=session, drill=drill)
    original = drills.scenario_of(drill)
    edit(session, row, severity=4, facts=[*document(session, row)["facts"][:1]])
    assert drills.scenario_of(drill) is original
    assert reviews.compute(session=session, drill=drill) == before
    later = make_drill(session, org, scenario_id=row.slug)
    assert drills.scenario_of(later).severity == 4


def test_deleting_keeps_the_versions_drills_ran(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    drill = make_drill(session, org, scenario_id=row.slug)
    edit(session, row, severity=3)
    ran = drill.scenario_version_id
    service.delete_scenario(session=session, row=row, version=row.version)
    assert service.list_scenarios(session=session, org=org) == []
    kept = session.exec(select(ScenarioVersion.id).where(ScenarioVersion.organisation_id == org.id))
    assert kept.all() == [ran]
    assert drills.scenario_of(drill).severity == library.load_scenario("tutorial").severity


def test_an_organisation_drills_downloaded_record_scores_elsewhere_as_its_review(session, factory):
    org = factory.org()
    row = make_scenario(session, org)
    make_drill(session, org, scenario_id=row.slug)
    drill = ended_drill(session, org)
    review, _timeline = reviews.compute(session=session, drill=drill)
    record = export.portable_record(session=session, drill=drill)
    assert record["audience_outcome"]["series"]
    elsewhere = scoring.score_payload(payload=json.loads(json.dumps(record)))
    assert elsewhere.model_dump(mode="json") == review
