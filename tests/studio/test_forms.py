"""The editor form into a document: what it edits, what it keeps, what a removal takes along."""

from starlette.datastructures import FormData

from app.scenarios import library
from app.scenarios.loader import validate_data
from app.studio.forms import edited_document

TUTORIAL = library.load_scenario("tutorial").model_dump(mode="json")


def form_of(document: dict, **changes: str) -> FormData:
    """The editor's fields for `document`, as the page fills them, with `changes` applied."""
    fields: dict[str, str] = {}
    for name in ("title", "summary"):
        for language in ("en", "fr"):
            fields[f"{name}.{language}"] = document[name][language]
    for name in ("name", "handle"):
        fields[f"brand.{name}"] = document["brand"][name]
    for name in ("crisis_type", "responsibility", "severity"):
        fields[name] = str(document[name])
    for language in ("en", "fr"):
        fields[f"countries.{language}"] = document["countries"][language]
        fields[f"hashtags.{language}"] = "\n".join(document["hashtags"][language])
    for i, fact in enumerate(document["facts"]):
        fields[f"facts.{i}.id"] = fact["id"]
        for language in ("en", "fr"):
            fields[f"facts.{i}.text.{language}"] = fact["text"][language]
    pairs = list({**fields, **changes}.items())
    for i, rumour in enumerate(document["rumours"]):
        base = f"rumours.{i}"
        pairs += [(f"{base}.id", rumour["id"]), (f"{base}.appears_at", str(rumour["appears_at"]))]
        pairs += [(f"{base}.{k}", str(rumour[k])) for k in ("initial_reach", "spread_rate")]
        for language in ("en", "fr"):
            pairs.append((f"{base}.claim.{language}", rumour["claim"][language]))
            terms = "\n".join(rumour["key_terms"][language])
            pairs.append((f"{base}.key_terms.{language}", terms))
        pairs += [(f"{base}.contradicts", fact) for fact in rumour["contradicts"]]
    return FormData([*pairs, *changes.items()])


def test_an_untouched_form_gives_back_the_same_scenario():
    edited = edited_document(TUTORIAL, form_of(TUTORIAL))
    assert validate_data(edited, label="form") == validate_data(TUTORIAL, label="file")


def test_removing_a_rumour_takes_its_posts_and_inject_links_along():
    gone = TUTORIAL["rumours"][0]["id"]
    edited = edited_document(TUTORIAL, form_of(TUTORIAL, **{"rumours.0.remove": "1"}))
    assert gone not in {r["id"] for r in edited["rumours"]}
    for language in ("en", "fr"):
        assert all(t.get("rumour") != gone for t in edited["templates"][language])
    assert all(i.get("rumour") != gone for i in edited["injects"])
    validate_data(edited, label="form")


def test_a_blank_new_row_adds_nothing_and_a_removed_fact_goes():
    changes = {"facts.9.id": "", "facts.9.text.en": "", "facts.0.remove": "1"}
    edited = edited_document(TUTORIAL, form_of(TUTORIAL, **changes))
    assert [f["id"] for f in edited["facts"]] == [f["id"] for f in TUTORIAL["facts"][1:]]
