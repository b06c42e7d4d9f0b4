"""Checks on the codebase itself: pure cores stay pure, templates exist, strings are translated."""

import ast
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PURE_PACKAGES = [
    "app/storm",
    "app/record",
    "app/analysis",
    "app/scoring/core",
    "app/drills/clock.py",
]
# Command-line front ends read files and settings; they live beside the cores, not in them.
NOT_PURE = {"app/storm/cli.py", "app/analysis/evaluate.py"}
FORBIDDEN_IMPORTS = (
    "fastapi",
    "starlette",
    "sqlmodel",
    "sqlalchemy",
    "jinja2",
    "app.core",
    "app.accounts",
    "app.plans",
    "app.drills",
    "time",
)
CLOCK_CALLS = {"now", "utcnow", "today", "time", "monotonic", "perf_counter"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            if node.module == "app":  # `from app import plans` imports the package app.plans
                names.update(f"app.{alias.name}" for alias in node.names)
    return names


def pure_modules() -> list[Path]:
    """Every module of the pure cores: whole packages, or single modules."""
    found: list[Path] = []
    for entry in map(ROOT.joinpath, PURE_PACKAGES):
        found.extend([entry] if entry.suffix == ".py" else sorted(entry.rglob("*.py")))
    return [path for path in found if str(path.relative_to(ROOT)) not in NOT_PURE]


def impurities(path: Path) -> list[str]:
    """Imports of the web, the database or the clock, and uses of global random state."""
    found = [
        f"imports {name}"
        for name in imports_of(path)
        for forbidden in FORBIDDEN_IMPORTS
        if name == forbidden or name.startswith(forbidden + ".")
    ]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "random" and node.attr != "Random":
                found.append(f"uses global random.{node.attr}")
            if node.value.id in ("datetime", "date") and node.attr in CLOCK_CALLS:
                found.append(f"reads the clock with {node.value.id}.{node.attr}")
    return found


def test_pure_cores_touch_no_web_no_database_no_clock_and_no_global_random():
    problems = {
        str(module.relative_to(ROOT)): impurities(module)
        for module in pure_modules()
        if impurities(module)
    }
    assert not problems


def test_the_purity_check_catches_an_impure_module(tmp_path):
    module = tmp_path / "impure.py"
    module.write_text("import random\nfrom sqlmodel import Session\nx = random.random()\n")
    assert impurities(module) == ["imports sqlmodel", "uses global random.random"]


def domain_packages() -> list[str]:
    """Every package of app/ but core: the domains core must know nothing of."""
    return sorted(
        f"app.{init.parent.name}"
        for init in (ROOT / "app").glob("*/__init__.py")
        if init.parent.name != "core"
    )


def domain_imports(path: Path, domains: list[str]) -> list[str]:
    """The domain packages a module imports, by name."""
    return sorted(
        name
        for name in imports_of(path)
        if any(name == domain or name.startswith(domain + ".") for domain in domains)
    )


def test_core_imports_no_domain_package():
    domains = domain_packages()
    assert {"app.accounts", "app.plans", "app.drills", "app.scoring"} <= set(domains)
    problems = {
        str(module.relative_to(ROOT)): domain_imports(module, domains)
        for module in sorted((ROOT / "app" / "core").rglob("*.py"))
        if domain_imports(module, domains)
    }
    assert not problems


def test_the_core_check_catches_every_way_to_import_a_domain(tmp_path):
    module = tmp_path / "leaky.py"
    module.write_text(
        "import app.storm.engine\n"
        "from app import plans\n"
        "from app.accounts.models import Role\n"
        "from app.core import db\n"
    )
    domains = ["app.accounts", "app.plans", "app.storm"]
    assert domain_imports(module, domains) == [
        "app.accounts.models",
        "app.plans",
        "app.storm.engine",
    ]


TEMPLATE_REF = re.compile(
    r"""(?:render\(\s*request,\s*|{%\s*(?:extends|include|import|from)\s+)["']([\w/.-]+\.html)["']"""
)


def test_every_referenced_template_exists():
    sources = list((ROOT / "app").rglob("*.py")) + list((ROOT / "templates").rglob("*.html"))
    missing = {
        (str(path.relative_to(ROOT)), name)
        for path in sources
        for name in TEMPLATE_REF.findall(path.read_text())
        if not (ROOT / "templates" / name).exists()
    }
    assert not missing


def french_catalogue() -> dict[str, str]:
    found: dict[str, str] = {}
    for po in (ROOT / "app/translations/fr/LC_MESSAGES").glob("*.po"):
        with po.open("rb") as handle:
            for message in read_po(handle, locale="fr"):
                if message.id and message.string:
                    found[message.id if isinstance(message.id, str) else message.id[0]] = (
                        message.string
                    )
    return found


def test_every_user_facing_string_has_a_french_translation():
    method_map = [("app/**.py", "python"), ("templates/**.html", "jinja2")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    translated = french_catalogue()
    missing = sorted(
        {
            (msgid if isinstance(msgid, str) else msgid[0])
            for _file, _line, msgid, _comments, _context in extract_from_dir(
                str(ROOT),
                method_map,
                options,
                keywords={
                    "_": None,
                    "gettext": None,
                    "ngettext": (1, 2),
                    "lazy_gettext": None,
                    "N_": None,
                },
            )
        }
        - set(translated)
    )
    assert not missing, f"untranslated (run `make messages` and fill the .po): {missing}"


def test_every_setting_is_documented_in_the_readme():
    from app.core.settings import Settings

    readme = (ROOT / "README.md").read_text()
    undocumented = [
        name for name in Settings.model_fields if f"`STORMDRILL_{name.upper()}`" not in readme
    ]
    assert undocumented == []


ISO_DATE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")
# A test reaches a "today" when it runs the app's services or routes, which read the clock.
APP_FIXTURES = {"session", "client", "factory", "team", "engine"}
FROZEN_CLOCK_SAFE = (
    "app.storm",
    "app.record",
    "app.scoring.core",
    "app.drills.clock",
    "app.core.i18n",
)


def literal_dates(tree: ast.AST) -> list[int]:
    """Lines holding a calendar date written out: date(2026, …), datetime(…), "2026-12-01"."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("date", "datetime"):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, int):
                lines.append(node.lineno)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if ISO_DATE.search(node.value):
                lines.append(node.lineno)
    return lines


def reaches_a_today(tree: ast.AST) -> bool:
    """Whether a test module runs code that reads today's date (services, routes, factories)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and APP_FIXTURES & {a.arg for a in node.args.args}:
            return True
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("tests.") and node.module != "tests.storm.sample":
                return True
            modules = {f"{node.module}.{alias.name}" for alias in node.names}
            if any(m.startswith("app.") and not m.startswith(FROZEN_CLOCK_SAFE) for m in modules):
                return True
    return False


def test_no_test_that_reaches_today_writes_a_calendar_date():
    offenders = {}
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if path.name == "test_architecture.py":
            continue
        tree = ast.parse(path.read_text())
        if reaches_a_today(tree) and literal_dates(tree):
            offenders[str(path.relative_to(ROOT))] = literal_dates(tree)
    assert not offenders, f"use dates relative to now, or a clock passed in: {offenders}"


def test_the_date_check_catches_a_literal_date_in_a_database_test():
    source = (
        "from datetime import date\n"
        "def test_x(session):\n"
        "    due = date(2026, 12, 1)\n"
        "    label = '2026-12-31'\n"
    )
    tree = ast.parse(source)
    assert reaches_a_today(tree) and literal_dates(tree) == [3, 4]
    assert not reaches_a_today(ast.parse("from app.drills.clock import at\ndef test_y(): ..."))


def unmarked_server_users(tests: Path) -> list[str]:
    """Test modules that reach the suite's database server without the `database_url` fixture
    (through TEST_DATABASE_URL) and are not marked `database`: the PostgreSQL pass would miss
    them. tests/live runs on servers of its own and is left out of that pass on purpose."""
    found = []
    for path in sorted(tests.rglob("test_*.py")):
        if "live" in path.relative_to(tests).parts:
            continue
        text = path.read_text()
        if "TEST_DATABASE_URL" in text and "pytest.mark.database" not in text:
            found.append(str(path.relative_to(tests)))
    return found


def test_every_test_reaching_the_database_server_runs_in_the_postgresql_pass():
    assert unmarked_server_users(ROOT / "tests") == []


def test_the_postgresql_pass_check_catches_an_unmarked_module(tmp_path):
    (tmp_path / "test_x.py").write_text("from tests.conftest import TEST_DATABASE_URL\n")
    (tmp_path / "test_y.py").write_text("import pytest\npytestmark = pytest.mark.database\n")
    assert unmarked_server_users(tmp_path) == ["test_x.py"]
