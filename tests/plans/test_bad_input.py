"""Bad plan input: 422 (pages, API) or exit status 2 (command line) naming the field or limit."""

import json
import time
from pathlib import Path

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from app import cli
from app.accounts import service as accounts
from app.accounts.models import Role
from app.core import migrate
from app.core.db import make_engine
from app.core.errors import Invalid
from app.plans import transfer
from tests.factories import sign_in
from tests.plans.html import by_id

ALIAS_BOMB = (
    b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + b"".join(
        f"{n}: &{n} [{','.join([f'*{p}'] * 9)}]\n".encode()
        for p, n in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + b"title: x\n"
)
BAD_FILES = {
    "invalid UTF-8": ("plan.yaml", b"title: caf\xe9 \xff\n", "UTF-8"),
    "YAML alias bomb": ("plan.yaml", ALIAS_BOMB, "yaml_aliases"),
    "YAML 5,000 deep": ("plan.yaml", b"title: " + b"[" * 5000 + b"]" * 5000, "max_depth"),
    "JSON 100,000 deep": ("plan.json", b"[" * 100_000 + b"]" * 100_000, "max_depth"),
    "KPI target .inf": (
        "plan.yaml",
        b"title: x\nkpis:\n- metric: time_to_first_response_s\n  target: .inf\n",
        "finite_numbers",
    ),
}


@pytest.fixture
def author(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.author))
    return org


def test_the_alias_bomb_is_small_and_refused_at_once():
    assert len(ALIAS_BOMB) < 800
    start = time.perf_counter()
    with pytest.raises(Invalid, match="yaml_aliases"):
        transfer.loads(ALIAS_BOMB, "yaml")
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_upload_is_refused_naming_the_problem(client, author, name):
    filename, content, named = BAD_FILES[name]
    response = client.post("/plans/import", files={"file": (filename, content)})
    assert response.status_code == 422
    assert named in by_id(response.text, "f-file-error").text


def test_a_null_for_a_required_field_in_patch_answers_422_naming_it(client, author):
    plan = client.post("/api/plans", json={"title": "Breach"}).json()
    response = client.patch(f"/api/plans/{plan['id']}", json={"title": None, "version": 1})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "title"]
    assert client.get(f"/api/plans/{plan['id']}").json()["title"] == "Breach"


def test_an_infinite_kpi_target_is_refused_by_the_api(client, author):
    document = {"title": "x", "kpis": [{"metric": "time_to_first_response_s", "target": "inf"}]}
    response = client.post(
        "/api/plans/import",
        content=json.dumps(document).replace('"inf"', "Infinity"),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["msg"] == "KPIs, item 1, Target: Enter a finite number."  # people's words…
    assert detail["loc"] == ["body", "kpis", "0", "target"]  # …and the path for programs


@pytest.fixture
def cli_database(tmp_path: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with Session(engine) as session:
        accounts.create_organisation(session=session, name="Beta", slug="beta")
        session.commit()
    monkeypatch.setattr("app.core.db.get_engine", lambda: engine)
    yield
    engine.dispose()


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_import_plan_exits_2_without_a_traceback(tmp_path, cli_database, name):
    filename, content, named = BAD_FILES[name]
    path = tmp_path / filename
    path.write_bytes(content)
    result = CliRunner().invoke(cli.app, ["import-plan", str(path), "--org", "beta"])
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert named in result.stderr
