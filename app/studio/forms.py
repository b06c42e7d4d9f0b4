"""The scenario editor's form: posted fields into a scenario document, problems back to fields.

Field names are the document's own paths (`title.en`, `facts.2.text.fr`,
`rumours.0.appears_at`), so a problem the loader names by path lands beside its field. This
page edits the title, summary, the crisis's kind, brand, hashtags, facts and rumours; the
other pages of the editor (`app.studio.sections`) edit the rest, each keeping what it does not
show as it was.
"""

import copy
from typing import Any

from starlette.datastructures import FormData, ImmutableMultiDict

from app.scenarios.models import LANGUAGES

TEXT_FIELDS = ("title", "summary")
CRISIS_FIELDS = ("crisis_type", "responsibility", "severity")
BRAND_FIELDS = ("name", "short", "handle")
RUMOUR_NUMBERS = ("initial_reach", "spread_rate")


def field(form: ImmutableMultiDict, name: str) -> str:
    """The field's value as typed, trimmed ("" when absent)."""
    return str(form.get(name) or "").replace("\r\n", "\n").strip()


def terms(text: str) -> list[str]:
    """A list typed one item per line (an item may hold a comma: "100,000"), without blanks."""
    return [term.strip() for term in text.splitlines() if term.strip()]


def duration(text: str) -> str | int:
    """A time as typed: plain digits are seconds, as in a scenario file; `12m` stays as it is."""
    return int(text) if text.isdigit() and len(text) < 10 else text


def rows(form: FormData, section: str) -> list[int]:
    """The row numbers of `section` (a path such as `facts` or `templates.fr`) in the form."""
    prefix = f"{section}."
    numbers = {
        int(row)
        for key in form
        if key.startswith(prefix)
        and (row := key[len(prefix) :].split(".")[0]).isdigit()
        and len(row) < 7
    }
    return sorted(numbers)


def localized(form: FormData, name: str) -> dict[str, str]:
    """The field's text in each language (`name.en`, `name.fr`)."""
    return {language: field(form, f"{name}.{language}") for language in LANGUAGES}


def _fact(form: FormData, row: int) -> dict[str, Any] | None:
    base = f"facts.{row}"
    fact = {"id": field(form, f"{base}.id"), "text": localized(form, f"{base}.text")}
    if form.get(f"{base}.remove") or not (fact["id"] or any(fact["text"].values())):
        return None
    return fact


def _rumour(form: FormData, row: int) -> dict[str, Any] | None:
    base = f"rumours.{row}"
    rumour: dict[str, Any] = {
        "id": field(form, f"{base}.id"),
        "claim": localized(form, f"{base}.claim"),
        **{name: field(form, f"{base}.{name}") for name in RUMOUR_NUMBERS},
        "appears_at": duration(field(form, f"{base}.appears_at")),
        "key_terms": {
            language: terms(field(form, f"{base}.key_terms.{language}")) for language in LANGUAGES
        },
        "contradicts": [str(v) for v in form.getlist(f"{base}.contradicts") if v],
    }
    if form.get(f"{base}.remove") or not (rumour["id"] or any(rumour["claim"].values())):
        return None
    return rumour


def rumour_templates(rumour: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A post spreading a new rumour, in each language: its claim, as an influencer writes it.

    A rumour must have such a post in both languages; the trainer can rewrite it later.
    """
    return {
        language: {
            "persona": "influencer",
            "sentiment": "negative",
            "context": "rumour",
            "rumour": rumour["id"],
            "text": rumour["claim"][language] or rumour["id"],
        }
        for language in LANGUAGES
    }


def _without_rumours(data: dict[str, Any], gone: set[str]) -> None:
    """Drop what belongs to removed rumours: their posts, and the injects' link to them."""
    templates = data.get("templates", {})
    for language in LANGUAGES:
        templates[language] = [
            t for t in templates.get(language, []) if t.get("rumour") not in gone
        ]
    for inject in data.get("injects", []):
        if inject.get("rumour") in gone:
            inject.pop("rumour")


def _keep_order(rumours: list[dict[str, Any]], stored: list[dict[str, Any]]) -> None:
    """The facts a rumour denies in the order the scenario lists them, not the select's."""
    orders = {r.get("id"): r.get("contradicts", []) for r in stored}
    for rumour in rumours:
        order = orders.get(rumour["id"], [])
        rumour["contradicts"].sort(key=lambda f: order.index(f) if f in order else len(order))


def edited_document(base: dict[str, Any], form: FormData) -> dict[str, Any]:
    """`base` with the form's title, summary, kind of crisis, brand, hashtags, facts and
    rumours (not yet validated)."""
    data = copy.deepcopy(base)
    for name in TEXT_FIELDS:
        data[name] = localized(form, name)
    for name in CRISIS_FIELDS:
        data[name] = field(form, name)
    data["countries"] = localized(form, "countries")
    data["hashtags"] = {
        language: terms(field(form, f"hashtags.{language}")) for language in LANGUAGES
    }
    brand = data.setdefault("brand", {})
    for name in BRAND_FIELDS:
        value = field(form, f"brand.{name}")
        if value or name != "short":
            brand[name] = value
        else:
            brand.pop(name, None)
    data["facts"] = [f for f in (_fact(form, row) for row in rows(form, "facts")) if f]
    rumours = [r for r in (_rumour(form, row) for row in rows(form, "rumours")) if r]
    _keep_order(rumours, base.get("rumours", []))
    before = {r["id"] for r in base.get("rumours", [])}
    after = {r["id"] for r in rumours}
    _without_rumours(data, before - after)
    templates = data.setdefault("templates", {})
    for rumour in rumours:
        if rumour["id"] and rumour["id"] not in before:
            for language, template in rumour_templates(rumour).items():
                templates.setdefault(language, []).append(template)
    data["rumours"] = rumours
    return data


def field_errors(problems: list[tuple[str, str]]) -> dict[str, str]:
    """Each problem's message keyed by the field path it names (the first one per path)."""
    shown: dict[str, str] = {}
    for path, message in problems:
        shown.setdefault(path, message)
    return shown
