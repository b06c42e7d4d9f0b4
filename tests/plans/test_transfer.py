"""Export and import: exact round trips, refused files that name the field, the CLI."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session
from typer.testing import CliRunner

from app import cli, demo
from app.accounts.models import Role
from app.core import migrate
from app.core.db import make_engine
from app.core.errors import Invalid
from app.plans import service, transfer
from app.plans.catalogue import PLACEHOLDERS, MessageKind
from app.plans.demo import EXAMPLES
from tests.plans.helpers import make_full_plan

words = (
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèà ABC-'", min_size=1, max_size=30)
    .map(str.strip)
    .filter(bool)
)
keys = st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True)
phones = st.from_regex(r"\+?[0-9]{2}([ .-][0-9]{2}){2,6}", fullmatch=True)


@st.composite
def documents(draw) -> dict:
    """Valid plan documents with cross-references between their sections."""
    role_keys = draw(st.lists(keys, min_size=1, max_size=4, unique=True))
    audience_keys = draw(st.lists(keys, max_size=3, unique=True))
    language = draw(st.sampled_from(["fr", "en"]))
    placeholder = st.sampled_from(sorted(PLACEHOLDERS)).map(lambda p: f" {{{p}}}")
    return {
        "format": "stormdrill.plan/1",
        "title": draw(words),
        "description": draw(st.text(max_size=60).map(str.strip)),
        "languages": [language],
        "drill_every_days": draw(st.integers(1, 730)),
        "roles": [
            {
                "key": key,
                "name": draw(words),
                "responsibilities": draw(st.lists(words, max_size=3)),
                "holder_contact": draw(st.none() | words),
                "holder_phone": draw(st.none() | phones),
                "backup_phone": draw(st.none() | phones),
                "may_publish": draw(st.booleans()),
                "approves_statements": draw(st.booleans()),
            }
            for key in role_keys
        ],
        "severity_levels": [
            {
                "level": level,
                "name": draw(words),
                "response_minutes": draw(st.integers(1, 600)),
                "needs_approval": draw(st.booleans()),
                "alert_roles": draw(st.lists(st.sampled_from(role_keys), unique=True)),
            }
            for level in draw(st.sets(st.integers(1, 9), max_size=4))
        ],
        "audiences": [
            {"key": key, "name": draw(words), "channels": draw(st.lists(words, max_size=3))}
            for key in audience_keys
        ],
        "key_messages": [
            {
                "key": f"m{i}",
                "title": draw(words),
                "kind": draw(st.sampled_from(list(MessageKind))).value,
                "audiences": draw(st.lists(st.sampled_from(audience_keys), unique=True))
                if audience_keys
                else [],
                "language": language,
                "text": draw(words) + draw(placeholder),
            }
            for i in range(draw(st.integers(0, 3)))
        ],
        "checklist": [
            {
                "key": f"a{i}",
                "title": draw(words),
                "owner_role": draw(st.none() | st.sampled_from(role_keys)),
                "due_minutes": draw(st.integers(0, 1000)),
            }
            for i in range(draw(st.integers(0, 3)))
        ],
        "kpis": [
            {
                "metric": "final_sentiment",
                "target": draw(st.floats(-1, 1)),
                "weight": draw(st.floats(0.1, 10)),
            }
        ]
        if draw(st.booleans())
        else [],
    }


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=documents())
def test_export_import_export_is_identical_for_generated_plans(session, factory, document):
    org = factory.org()
    first = transfer.import_document(session=session, org=org, user=None, data=document)
    exported = transfer.export_document(session=session, plan=first)
    for fmt in transfer.FORMATS:
        text = transfer.dumps(exported, fmt)
        again = transfer.import_document(
            session=session, org=org, user=None, data=transfer.loads(text, fmt)
        )
        assert transfer.dumps(transfer.export_document(session=session, plan=again), fmt) == text


@pytest.mark.parametrize("name", ["plan-fr.yaml", "plan-en.yaml"])
def test_the_example_plans_round_trip_exactly(session, factory, name):
    org = factory.org()
    for email in (
        "author@demo.stormdrill.test",
        "trainer@demo.stormdrill.test",
        "member1@demo.stormdrill.test",
        "member2@demo.stormdrill.test",
        "member3@demo.stormdrill.test",
    ):
        factory.member(org, Role.member, email=email)
    data = transfer.loads((EXAMPLES / name).read_text(encoding="utf-8"), "yaml")
    plan = transfer.import_document(session=session, org=org, user=None, data=data)
    exported = transfer.export_document(session=session, plan=plan)
    assert exported == transfer.parse_document(data).model_dump(mode="json", exclude_none=True)
    text = transfer.dumps(exported, "yaml")
    again = transfer.import_document(
        session=session, org=org, user=None, data=transfer.loads(text, "yaml")
    )
    assert transfer.dumps(transfer.export_document(session=session, plan=again), "yaml") == text


def test_the_example_plans_are_rich(session):
    for name in ("plan-fr.yaml", "plan-en.yaml"):
        document = transfer.parse_document(
            transfer.loads((EXAMPLES / name).read_text(encoding="utf-8"), "yaml")
        )
        assert len(document.roles) >= 6 and len(document.severity_levels) == 4
        assert len(document.audiences) >= 4 and len(document.key_messages) >= 10
        assert {m.kind for m in document.key_messages} == set(MessageKind)
        assert len(document.checklist) >= 12 and len(document.kpis) >= 6


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (lambda d: d["roles"][0].pop("name"), "roles.0.name", "Roles, item 1, Name"),
        (
            lambda d: d["checklist"][0].update(owner_role="ghost"),
            "checklist.0.owner_role",
            "Checklist, item 1, Owner role",
        ),
        (
            lambda d: d["checklist"][0].update(due_minutes="soon"),
            "checklist.0.due_minutes",
            "Checklist, item 1, Due (minutes after the crisis starts): Enter a whole number.",
        ),
        (lambda d: d["kpis"][0].update(target=3), "kpis.0.target", "KPIs, item 1, Target"),
        (
            lambda d: d["key_messages"][0].update(text="Hi {nope}"),
            "key_messages.0.text",
            "item 1",
        ),
        (
            lambda d: d["roles"][0].update(holder_member="x@example.org", holder_contact=None),
            "roles.0.holder_member",
            "Roles, item 1, ",
        ),
        (lambda d: d.update(colour="red"), "colour", "colour: This field is not part of a plan."),
    ],
)
def test_an_import_refuses_the_whole_file_naming_the_field(session, factory, change, path, words):
    org = factory.org()
    document = transfer.export_document(session=session, plan=make_full_plan(session, org))
    change(document)
    before = len(service.list_plans(session=session, org=org))
    with pytest.raises(Invalid) as caught:
        transfer.import_document(session=session, org=org, user=None, data=document)
    assert caught.value.field in (path, "file")  # the API's path (the file for cross-checks)…
    assert words in caught.value.message  # …and people's words, no dotted path
    assert "." not in caught.value.message.split(": ")[0]
    assert len(service.list_plans(session=session, org=org)) == before


def test_a_yaml_syntax_error_names_the_line():
    with pytest.raises(Invalid, match="line 2"):
        transfer.loads("title: ok\nroles: - nope: [\nkpis: []\n", "yaml")


def test_the_cli_exports_and_imports(tmp_path: Path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        demo.load_demo(session)
    monkeypatch.setattr("app.core.db.get_engine", lambda: engine)
    runner = CliRunner()
    out = tmp_path / "plan.json"
    result = runner.invoke(cli.app, ["export-plan", "1", "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert '"format": "stormdrill.plan/1"' in out.read_text()
    result = runner.invoke(cli.app, ["import-plan", str(out), "--org", "demo"])
    assert result.exit_code == 0, result.output
    assert "Imported plan 3" in result.output
    result = runner.invoke(cli.app, ["export-plan", "3", "--format", "json"])
    assert result.output == out.read_text()
    engine.dispose()
