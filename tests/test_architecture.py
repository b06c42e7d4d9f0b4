"""Checks on the codebase itself: pure cores stay pure, templates exist, strings are translated."""

import ast
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PURE_PACKAGES = ["app/storm", "app/scoring/core", "app/drills/clock.py"]
# Command-line front ends read files and settings; they live beside the cores, not in them.
NOT_PURE = {"app/storm/cli.py"}
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
                keywords={"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None},
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
