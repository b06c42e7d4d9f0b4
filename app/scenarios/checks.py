"""Cross-field checks on a parsed scenario: what the pydantic model alone cannot see.

A pure function of the scenario; it returns (path, message) pairs and the loader maps each
path to the YAML line it came from. Messages are English `Message`s a page can translate.
"""

from collections.abc import Iterator
from string import Formatter

from app.scenarios.grammar import GrammarError, leaves, parse
from app.scenarios.messages import N_, Message, joined
from app.scenarios.models import (
    HASHTAG_SLOTS,
    LANGUAGES,
    SLOTS,
    FactDenied,
    PostTemplate,
    RumourUncorrected,
    Scenario,
    TemplateContext,
    Unanswered,
    brand_tag,
    format_duration,
)

Path = tuple[str | int, ...]
Finding = tuple[Path, str]


def cross_check(scenario: Scenario) -> list[Finding]:
    """Every cross-field problem of `scenario`, in file order of the sections."""
    return [
        *_duplicate_ids(scenario),
        *_times(scenario),
        *_phases_contiguous(scenario),
        *_references(scenario),
        *_conditions(scenario),
        *_template_pools(scenario),
        *_rumour_templates(scenario),
        *_placeholders(scenario),
        *_brand_literals(scenario),
    ]


def _duplicate_ids(scenario: Scenario) -> Iterator[Finding]:
    sections = {
        "facts": scenario.facts,
        "rumours": scenario.rumours,
        "phases": scenario.phases,
        "injects": scenario.injects,
        "expectations": scenario.expectations,
    }
    for section, items in sections.items():
        first: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in first:
                already = f"{section}.{first[item.id]}"
                yield (
                    (section, index, "id"),
                    N_(
                        "duplicate id %(id)r (already used by %(already)s)",
                        id=item.id,
                        already=already,
                    ),
                )
            else:
                first[item.id] = index


def _times(scenario: Scenario) -> Iterator[Finding]:
    limit = scenario.duration
    timed: list[tuple[Path, int | None]] = [
        *((("rumours", i, "appears_at"), r.appears_at) for i, r in enumerate(scenario.rumours)),
        *((("phases", i, "start"), p.start) for i, p in enumerate(scenario.phases)),
        *((("phases", i, "end"), p.end) for i, p in enumerate(scenario.phases)),
        *((("injects", i, "at"), j.at) for i, j in enumerate(scenario.injects)),
        *((("injects", i, "deadline"), j.deadline) for i, j in enumerate(scenario.injects)),
    ]
    for path, seconds in timed:
        if seconds is not None and seconds > limit:
            yield (
                path,
                N_(
                    "%(time)s is past the scenario's duration (%(duration)s)",
                    time=format_duration(seconds),
                    duration=format_duration(limit),
                ),
            )


def _phases_contiguous(scenario: Scenario) -> Iterator[Finding]:
    expected = 0
    for index, phase in enumerate(scenario.phases):
        if phase.start != expected:
            where = (
                N_("the start (0)")
                if index == 0
                else N_("the end of phases.%(index)s", index=index - 1)
            )
            yield (
                ("phases", index, "start"),
                N_(
                    "phase %(id)r starts at %(start)s, not at %(where)s (%(expected)s): "
                    "phases must follow each other without gap or overlap",
                    id=phase.id,
                    start=format_duration(phase.start),
                    where=where,
                    expected=format_duration(expected),
                ),
            )
        expected = phase.end
    last = len(scenario.phases) - 1
    if expected != scenario.duration:
        yield (
            ("phases", last, "end"),
            N_(
                "the last phase ends at %(end)s, not at the scenario's duration (%(duration)s)",
                end=format_duration(expected),
                duration=format_duration(scenario.duration),
            ),
        )


def _references(scenario: Scenario) -> Iterator[Finding]:
    facts = {fact.id for fact in scenario.facts}
    rumours = {rumour.id for rumour in scenario.rumours}
    for i, rumour in enumerate(scenario.rumours):
        for k, fact in enumerate(rumour.contradicts):
            if fact not in facts:
                yield ("rumours", i, "contradicts", k), N_("unknown fact %(fact)r", fact=fact)
    for i, inject in enumerate(scenario.injects):
        if inject.rumour is not None and inject.rumour not in rumours:
            yield ("injects", i, "rumour"), _unknown_rumour(inject.rumour, rumours)
    for language, index, template in _all_templates(scenario):
        path: Path = ("templates", language, index, "rumour")
        if template.rumour is not None and template.rumour not in rumours:
            yield path, _unknown_rumour(template.rumour, rumours)
        if template.context == TemplateContext.rumour and template.rumour is None:
            yield path, N_("a template in the `rumour` context must name its rumour")
        reacting = (TemplateContext.reply_good, TemplateContext.reply_bad)
        if template.answers and template.context not in reacting:
            path = ("templates", language, index, "answers")
            yield path, N_("only a reaction (`reply_good` or `reply_bad`) answers a statement")


def _unknown_rumour(rumour: str, rumours: set[str]) -> Message:
    known = ", ".join(sorted(rumours)) or N_("none declared")
    return N_("unknown rumour %(rumour)r (known: %(known)s)", rumour=rumour, known=known)


def _conditions(scenario: Scenario) -> Iterator[Finding]:
    """A condition names a declared rumour, fact or inject; an unanswered inject must expect a
    response, and conditions must not wait on each other in a circle."""
    facts = {fact.id for fact in scenario.facts}
    rumours = {rumour.id for rumour in scenario.rumours}
    injects = {inject.id: inject for inject in scenario.injects}
    for i, inject in enumerate(scenario.injects):
        when, path = inject.when, ("injects", i, "when")
        if isinstance(when, RumourUncorrected) and when.rumour not in rumours:
            yield (*path, "rumour"), _unknown_rumour(when.rumour, rumours)
        elif isinstance(when, FactDenied) and when.fact not in facts:
            known = ", ".join(sorted(facts))
            message = N_("unknown fact %(fact)r (known: %(known)s)", fact=when.fact, known=known)
            yield (*path, "fact"), message
        elif isinstance(when, Unanswered):
            target, about = injects.get(when.inject), (*path, "inject")
            if target is None:
                yield about, N_("unknown inject %(inject)r", inject=when.inject)
            elif not target.expects_response:
                yield about, N_("inject %(inject)r expects no response", inject=when.inject)
            elif _waits_on(injects, when.inject, inject.id):
                yield about, N_("inject %(inject)r waits on this one: a circle", inject=when.inject)


def _waits_on(injects: dict, start: str, target: str) -> bool:
    """Whether the inject `start` is, or waits through `unanswered` conditions on, `target`."""
    seen: set[str] = set()
    while start not in seen:
        if start == target:
            return True
        seen.add(start)
        when = getattr(injects.get(start), "when", None)
        if not isinstance(when, Unanswered):
            return False
        start = when.inject
    return False


def _template_pools(scenario: Scenario) -> Iterator[Finding]:
    pools = {
        language: {
            t.persona
            for t in scenario.templates.get(language)
            if t.context == TemplateContext.storm
        }
        for language in LANGUAGES
    }
    for i, phase in enumerate(scenario.phases):
        if not any(weight > 0 for weight in phase.personas.values()):
            yield (
                ("phases", i, "personas"),
                N_("phase %(id)r: every persona weight is zero", id=phase.id),
            )
        for persona, weight in phase.personas.items():
            missing = [language for language in LANGUAGES if persona not in pools[language]]
            if weight > 0 and missing:
                yield (
                    ("phases", i, "personas", persona.value),
                    N_(
                        "persona %(persona)r is weighted in phase %(phase)r but has no `storm` "
                        "templates in %(languages)s",
                        persona=persona.value,
                        phase=phase.id,
                        languages=joined(missing),
                    ),
                )


def _rumour_templates(scenario: Scenario) -> Iterator[Finding]:
    for i, rumour in enumerate(scenario.rumours):
        missing = [
            language
            for language in LANGUAGES
            if not any(
                t.context == TemplateContext.rumour and t.rumour == rumour.id
                for t in scenario.templates.get(language)
            )
        ]
        if missing:
            yield (
                ("rumours", i),
                N_(
                    "rumour %(id)r has no `rumour` templates in %(languages)s",
                    id=rumour.id,
                    languages=joined(missing),
                ),
            )


def _placeholders(scenario: Scenario) -> Iterator[Finding]:
    defined = set(SLOTS) | set(scenario.brand.placeholders) | set(scenario.numbers)
    for language, index, template in _all_templates(scenario):
        for problem in template_problems(template.text, defined):
            yield ("templates", language, index, "text"), problem
    for key, value in scenario.brand.placeholders.items():
        for language in LANGUAGES:
            for problem in placeholder_problems(value.get(language), {"brand", "brand_tag"}):
                yield ("brand", "placeholders", key, language), problem
    for i, inject in enumerate(scenario.injects):
        for language in LANGUAGES:
            for problem in placeholder_problems(inject.content.get(language), defined):
                yield ("injects", i, "content", language), problem
    for language in LANGUAGES:
        for i, tag in enumerate(scenario.hashtags.get(language)):
            hint = N_("a hashtag holds no other slot")
            for problem in placeholder_problems(tag, set(HASHTAG_SLOTS), hint):
                yield ("hashtags", language, i), problem
    if not brand_tag(scenario.brand.name):
        yield ("brand", "name"), N_("the name has no letter or digit to make {brand_tag} from")


def template_problems(text: str, defined: set[str]) -> list[str]:
    """What is wrong with a template: its grammar, then the slots of every alternative."""
    try:
        grammar = parse(text)
    except GrammarError as error:
        return [N_("bad grammar: %(error)s", error=error.args[0])]
    return [p for leaf in leaves(grammar) for p in placeholder_problems(leaf, defined)]


def _brand_literals(scenario: Scenario) -> Iterator[Finding]:
    """The scenario's own brand named in a post: under a drill's brand it would leak."""
    names = [n for n in (scenario.brand.name, scenario.brand.short) if n]
    texts: list[tuple[Path, str]] = [
        (("templates", language, index, "text"), template.text)
        for language, index, template in _all_templates(scenario)
    ]
    texts += [
        (("brand", "placeholders", key, language), value.get(language))
        for key, value in scenario.brand.placeholders.items()
        for language in LANGUAGES
    ]
    for path, text in texts:
        folded = text.casefold()
        for name in names:
            if name.casefold() in folded:
                yield (
                    path,
                    N_("names the brand %(name)r literally; write {brand} instead", name=name),
                )


def placeholder_problems(text: str, defined: set[str], hint: str | None = None) -> list[str]:
    """What is wrong with the `{slots}` of `text`, given the slot names `defined`."""
    try:
        fields = [(name, spec, conv) for _, name, spec, conv in Formatter().parse(text)]
    except ValueError as error:
        return [N_("malformed braces (%(error)s); write a slot as {name}", error=str(error))]
    problems = []
    for name, spec, conversion in fields:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            problems.append(N_("{%(name)s} is not a plain slot; write a slot as {name}", name=name))
        elif name not in defined:
            problems.append(
                N_(
                    "unknown placeholder {%(name)s} (defined: %(defined)s; %(hint)s)",
                    name=name,
                    defined=", ".join(sorted(defined)),
                    hint=hint or N_("add it under brand.placeholders"),
                )
            )
    return problems


def _all_templates(scenario: Scenario) -> Iterator[tuple[str, int, PostTemplate]]:
    for language in LANGUAGES:
        for index, template in enumerate(scenario.templates.get(language)):
            yield language, index, template
