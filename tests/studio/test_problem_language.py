"""The loader's problems in the reader's language: every kind of problem a scenario can have
(pydantic's and the cross-field checks') reads in French for a French trainer, while the loader
itself (and so `stormdrill scenarios validate`) keeps English."""

import copy
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from app.accounts.models import Role
from app.core import i18n
from app.core.errors import Invalid
from app.scenarios import library
from app.scenarios.loader import ScenarioError, validate_data
from app.scenarios.messages import Message
from app.studio import service
from app.studio.document import to_yaml
from tests.plans.html import by_id
from tests.studio.helpers import form_fields, make_scenario

Doc = dict[str, Any]
BASE: Doc = library.load_scenario("tutorial").model_dump(mode="json")


@contextmanager
def language(code: str) -> Iterator[None]:
    token = i18n.current_language.set(code)
    try:
        yield
    finally:
        i18n.current_language.reset(token)


def setting(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation writing `value` at a dotted path (list indexes as numbers)."""

    def mutate(doc: Doc) -> None:
        *parents, last = (int(p) if p.isdigit() else p for p in path.split("."))
        target = doc
        for part in parents:
            target = target[part]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value

    return mutate


DELETE = object()


def _no_rumour_templates_in_french(doc: Doc) -> None:
    doc["templates"]["fr"] = [t for t in doc["templates"]["fr"] if t["context"] != "rumour"]


SPOKEN = {t["persona"] for t in BASE["templates"]["en"] if t["context"] == "storm"}
UNSPOKEN = next(p for p in ("bot", "expert", "activist") if p not in SPOKEN)
SPREADING = next(i for i, t in enumerate(BASE["templates"]["en"]) if t["context"] == "rumour")
SILENT = next(i for i, inject in enumerate(BASE["injects"]) if not inject["expects_response"])


def _all_weights_zero(doc: Doc) -> None:
    personas = doc["phases"][0]["personas"]
    doc["phases"][0]["personas"] = dict.fromkeys(personas, 0)


INJECT_AT = BASE["injects"][0]["at"]
# (what is broken, the mutation, the path named, a fragment of the French message)
BROKEN: list[tuple[str, Callable[[Doc], None], str, str]] = [
    ("missing", setting("title", DELETE), "title", "champ à remplir"),
    ("string_too_short", setting("title.fr", ""), "title.fr", "Il faut au moins 1 caractère"),
    (
        "string_too_long",
        setting("templates.fr.0.text", "x" * 601),
        "templates.fr.0.text",
        "Pas plus de 600 caractères",
    ),
    ("greater_than_equal", setting("severity", 0), "severity", "supérieure ou égale à 1"),
    ("less_than_equal", setting("severity", 8), "severity", "inférieure ou égale à 4 (reçu : 8)"),
    (
        "enum",
        setting("crisis_type", "meteor"),
        "crisis_type",
        "La valeur doit être 'product_recall'",
    ),
    ("enum or", setting("injects.0.priority", "urgent"), "injects.0.priority", "ou 'critical'"),
    (
        "union tag",
        setting("injects.0.when", {"kind": "sometimes"}),
        "injects.0.when",
        "n’est aucune de celles attendues",
    ),
    ("union no tag", setting("injects.0.when", {}), "injects.0.when", "Impossible de lire 'kind'"),
    (
        "extra with hint",
        setting("titel", "x"),
        "titel",
        "champ inconnu (vouliez-vous dire 'title' ? champs permis : id, title",
    ),
    (
        "extra",
        setting("facts.0.zzz", "x"),
        "facts.0.zzz",
        "champ inconnu (champs permis : id, text)",
    ),
    (
        "pattern",
        setting("brand.handle", "no spaces"),
        "brand.handle",
        "Le texte doit suivre le motif",
    ),
    (
        "int parsing",
        setting("numbers.discount.min", "lots"),
        "numbers.discount.min",
        "Un nombre entier est attendu ; ce texte",
    ),
    (
        "float parsing",
        setting("rumours.0.spread_rate", "fast"),
        "rumours.0.spread_rate",
        "Un nombre est attendu ; ce texte",
    ),
    (
        "bool parsing",
        setting("injects.0.expects_response", "maybe"),
        "injects.0.expects_response",
        "Oui ou non est attendu",
    ),
    (
        "list too short",
        setting("facts", []),
        "facts",
        "Liste : au moins 1 élément attendu, et non 0",
    ),
    ("list type", setting("facts", "none"), "facts", "Une liste est attendue"),
    ("model type", setting("brand", "x"), "brand", "Une table de champs est attendue"),
    ("string type", setting("brand.name", 5), "brand.name", "Un texte est attendu"),
    (
        "unknown key",
        setting("phases.0.personas.alien", 1),
        "phases.0.personas.alien",
        "clé 'alien' inconnue : La valeur doit être",
    ),
    ("duration", setting("duration", "soon"), "duration", "pas une durée : 'soon'"),
    (
        "deadline order",
        setting("injects.0.deadline", INJECT_AT),
        "injects.0",
        "l’échéance doit venir après l’inject",
    ),
    (
        "deadline needed",
        setting("injects.0.deadline", None),
        "injects.0",
        "a besoin d’une échéance",
    ),
    ("phase order", setting("phases.0.end", 0), "phases.0", "la fin doit venir après le début"),
    (
        "negative weight",
        setting("phases.0.personas.journalist", -1),
        "phases.0",
        "ne peut pas être négatif",
    ),
    (
        "number range",
        setting("numbers.discount.max", 1),
        "numbers.discount",
        "le maximum ne peut pas être sous le minimum",
    ),
    (
        "duplicate id",
        setting("facts.1.id", BASE["facts"][0]["id"]),
        "facts.1.id",
        "en double (déjà pris par facts.0)",
    ),
    (
        "past the end",
        setting(f"injects.{SILENT}.at", 9999),
        f"injects.{SILENT}.at",
        "dépasse la durée du scénario",
    ),
    (
        "phase gap",
        setting("phases.1.start", BASE["phases"][1]["start"] + 30),
        "phases.1.start",
        "sans trou ni chevauchement",
    ),
    (
        "last phase",
        setting("duration", BASE["duration"] + 60),
        "phases.3.end",
        "la dernière phase finit à",
    ),
    (
        "contradicts",
        setting("rumours.0.contradicts", ["nope"]),
        "rumours.0.contradicts.0",
        "fait 'nope' inconnu",
    ),
    (
        "inject rumour",
        setting("injects.0.rumour", "nope"),
        "injects.0.rumour",
        "rumeur 'nope' inconnue (connues : health-inspection)",
    ),
    (
        "template rumour",
        setting(f"templates.en.{SPREADING}.rumour", None),
        f"templates.en.{SPREADING}.rumour",
        "doit nommer sa rumeur",
    ),
    (
        "when rumour",
        setting("injects.0.when", {"kind": "rumour_uncorrected", "rumour": "nope"}),
        "injects.0.when.rumour",
        "rumeur 'nope' inconnue",
    ),
    (
        "when fact",
        setting("injects.0.when", {"kind": "fact_denied", "fact": "nope"}),
        "injects.0.when.fact",
        "fait 'nope' inconnu (connus :",
    ),
    (
        "when no fact",
        setting("injects.0.when", {"kind": "fact_denied"}),
        "injects.0.when.fact",
        "champ à remplir",
    ),
    (
        "when inject",
        setting("injects.0.when", {"kind": "unanswered", "inject": "nope"}),
        "injects.0.when.inject",
        "inject 'nope' inconnu",
    ),
    (
        "no response",
        setting("injects.0.when", {"kind": "unanswered", "inject": "loyalty-email"}),
        "injects.0.when.inject",
        "n’attend pas de réponse",
    ),
    (
        "circle",
        setting("injects.0.when", {"kind": "unanswered", "inject": "manager-alert"}),
        "injects.0.when.inject",
        "un cercle",
    ),
    ("weights zero", _all_weights_zero, "phases.0.personas", "le poids de chaque profil est nul"),
    (
        "no storm templates",
        setting(f"phases.0.personas.{UNSPOKEN}", 1),
        f"phases.0.personas.{UNSPOKEN}",
        "aucun modèle « tempête » en en et fr",
    ),
    (
        "no rumour templates",
        _no_rumour_templates_in_french,
        "rumours.0",
        "aucun modèle « rumeur » en fr",
    ),
    (
        "unknown slot",
        setting("injects.0.content.fr", "Voir {nowhere}"),
        "injects.0.content.fr",
        "ajoutez-le aux emplacements propres à la marque",
    ),
    (
        "not a plain slot",
        setting("injects.0.content.fr", "Voir {city!r}"),
        "injects.0.content.fr",
        "n’est pas un simple emplacement",
    ),
    (
        "malformed braces",
        setting("injects.0.content.fr", "Voir {"),
        "injects.0.content.fr",
        "accolades mal formées",
    ),
    (
        "hashtag slot",
        setting("hashtags.fr.1", "#{city}"),
        "hashtags.fr.1",
        "un hashtag ne contient aucun autre emplacement",
    ),
    (
        "grammar",
        setting("templates.fr.0.text", "[pas fermé"),
        "templates.fr.0.text",
        "grammaire incorrecte : '[' n’est jamais fermé par ']'",
    ),
    (
        "brand literal",
        setting("templates.fr.0.text", "Encore Café Cerise"),
        "templates.fr.0.text",
        "nomme la marque 'Café Cerise' telle quelle",
    ),
    (
        "answers",
        setting("templates.fr.0.answers", ["apology"]),
        "templates.fr.0.answers",
        "seule une réaction (à une bonne ou à une mauvaise réponse) répond",
    ),
    ("brand tag", setting("brand.name", "!!!"), "brand.name", "le nom n’a ni lettre ni chiffre"),
]


def broken(mutate: Callable[[Doc], None]) -> Doc:
    doc = copy.deepcopy(BASE)
    mutate(doc)
    return doc


def refused_in(code: str, doc: Doc) -> list[tuple[str, str]]:
    with language(code), pytest.raises(Invalid) as caught:
        service.validated(doc, label="studio")
    return caught.value.problems


def translated_throughout(message: object) -> bool:
    """Whether a message and every message inside it have a French translation."""
    if not isinstance(message, Message):
        return False
    french = i18n.translations("fr").gettext(message.template)
    inner = [v for v in message.values.values() if isinstance(v, Message)]
    # pydantic's own words inside "(got …)" must be a message too, not its English
    words = [message.values["problem"]] if "problem" in message.values else []
    return french != message.template and all(map(translated_throughout, [*inner, *words]))


@pytest.mark.parametrize(("case", "mutate", "path", "french"), BROKEN, ids=[c[0] for c in BROKEN])
def test_every_kind_of_problem_reads_in_french_for_a_french_reader(case, mutate, path, french):
    doc = broken(mutate)
    shown = dict(refused_in("fr", doc))
    assert path in shown, (case, shown)
    assert french in shown[path], (case, shown[path])
    english = dict(refused_in("en", doc))[path]
    assert english != shown[path] and french not in english
    with pytest.raises(ScenarioError) as caught:
        validate_data(doc, label="studio")
    loaded = next(p.message for p in caught.value.problems if p.path == path)
    assert loaded == english, "the loader (and so the command line) stays English"
    assert translated_throughout(loaded), loaded


def test_an_unknown_kind_of_pydantic_error_keeps_pydantics_english():
    from app.scenarios.schema_errors import schema_message

    detail = {"type": "some_new_type", "msg": "Something new", "loc": ("x",), "input": 1}
    assert schema_message(detail) == "Something new"
    drifted = {**detail, "type": "int_type", "msg": "Input must be an integer now"}
    assert schema_message(drifted) == "Input must be an integer now"
    assert not isinstance(schema_message(drifted), Message)


@pytest.mark.parametrize("code", ["en", "fr"])
def test_the_editor_shows_a_bad_reference_in_the_readers_language(
    client_for, session, factory, code
):
    org = factory.org()
    row = make_scenario(session, org, "product-recall")
    client = client_for(factory.member(org, Role.trainer, language=code))
    url = f"/studio/scenarios/{row.id}/edit/injects"
    data = {
        **form_fields(client.get(url).text),
        "injects.0.when.kind": "rumour_uncorrected",
        "injects.0.when.rumour": "moon-landing",
    }
    refused = client.post(url, data=data)
    assert refused.status_code == 422
    error = by_id(refused.text, "f-injects-0-when-rumour-error").text
    expected = {"en": "unknown rumour 'moon-landing'", "fr": "rumeur 'moon-landing' inconnue"}
    assert expected[code] in error


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", ("key 'severity' appears twice", "unknown field (did you mean 'summary'?")),
        (
            "fr",
            (
                "la clé 'severity' apparaît deux fois",
                "champ inconnu (vouliez-vous dire 'summary' ?",
            ),
        ),
    ],
)
def test_an_imported_files_problems_name_their_line_in_the_readers_language(
    client_for, factory, code, words
):
    org = factory.org()
    client = client_for(factory.member(org, Role.trainer, language=code))
    good = to_yaml(library.load_scenario("tutorial").model_copy(update={"id": "our-leak"}))
    bad = good.replace("severity: 1", "severity: 1\nseverity: 2\nsumary: x")
    refused = client.post(
        "/studio/scenarios/import", files={"file": ("our-leak.yaml", bad.encode(), "text/yaml")}
    )
    assert refused.status_code == 422
    shown = by_id(refused.text, "f-file-error").text
    line = bad.splitlines().index("severity: 2") + 1
    assert f"our-leak.yaml:{line}: severity: {words[0]}" in shown
    for word in words:
        assert word in shown
