"""A lint over the scenario texts: reactions that presume what the team's statement said.

A `reply_good` or `reply_bad` template follows any statement of its tone unless it says what it
answers (`answers: [...]`, docs/scenarios.md). One whose words presume a content the team may
never have written (an apology, blame, a promise, a denial, a refusal, words it "says") then
contradicts the statement it follows. This lint finds such templates by cue phrases per
language. It is a heuristic over the library's wording, not a reading of meaning: a cue can
flag a template that is harmless once reworded, and a presumption worded otherwise (a specific
number, a list the statement is thanked for) escapes it; those are left to the author's eye.
The cues are written from what a statement can say, not from the library's templates.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from app.scenarios.models import LANGUAGES, Scenario, TemplateContext

REACTIONS = (TemplateContext.reply_good, TemplateContext.reply_bad)
_SAYS_EN = (
    r"(say|says|said|confirm|confirms|confirmed|admit|admits|admitted|explain|explains|explained)"
)
_SAYS_FR = (
    r"(dit|disent|affirme|affirment|confirme|confirment|reconna[iî]t|reconnaissent|explique|"
    r"expliquent|admet|admettent)"
)
# What a reaction presumes -> the cues that give it away, per language (case-insensitive).
CUES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "apology": (r"\bapolog", r"\bsorry\b", r"\bregrets?\b"),
        "blame": (r"\bblam", r"\bfault\b", r"\baccus", r"\bscapegoat"),
        "promise": (r"\bcommit(s|ted|ment|ments)?\b", r"\bpromis", r"\bpledg", r"\bin writing\b"),
        "denial": (r"\bden(y|ies|ied|ial)\b", r"\b(it'?s|is) (a )?fake\b"),
        "refusal": (
            r"\bno comment\b",
            r"\brefus",
            r"\bwon'?t (comment|say)\b",
            r"\bdeclines? to\b",
        ),
        "their words": (
            rf"(\bthey|\{{brand\}}|\bstatement|\{{ceo\}}) (now |finally |plainly )?{_SAYS_EN}\b"
            r"(?! \[?nothing)",  # "the statement says nothing" presumes no content
            r"(^|\s)'[^'\s][^']*\s[^']*'",  # 'quoted words', as if the team wrote them
            r"[“\"][^”\"]+[”\"]",
        ),
    },
    "fr": {
        "apology": (r"\bexcus", r"\bd[ée]sol[ée]", r"\bregrett?", r"\bpardon\b"),
        "blame": (
            r"\baccus",
            r"\bfaute\b",
            r"\bbl[âa]m",
            r"\btaper sur\b",
            r"bouc[s]? [ée]missaire",
            r"\bse d[ée]fauss",
            r"\breproch",
        ),
        "promise": (r"\bengag", r"\bprom(et|is|esse)", r"\bpar [ée]crit\b"),
        "denial": (r"\bd[ée]men", r"\bnie(nt)?\b", r"\bc'est (un )?faux\b"),
        "refusal": (r"\b(pas|aucun) de commentaire", r"\bne commente", r"\brefuse"),
        "their words": (
            rf"(\bils|\belle|\bil|\{{brand\}}|\bcommuniqué|\{{ceo\}}) (nous |enfin |bien )?"
            rf"{_SAYS_FR}\b(?! \[?((même|toujours) )?pas| \[?rien)",  # « ne dit rien »: no content
            r"«(?!\s*\{\w+\}\s*»)[^»]+»",  # « quoted words » (a lone slot is a name)
        ),
    },
}
_COMPILED = {
    language: {kind: re.compile("|".join(cues), re.IGNORECASE) for kind, cues in table.items()}
    for language, table in CUES.items()
}


@dataclass(frozen=True)
class Presumption:
    """A reaction template that presumes `kind` (its cue, to the end of its word: `words`) and
    says no `answers`."""

    language: str
    index: int
    kind: str
    words: str


def presumptions(scenario: Scenario) -> Iterator[Presumption]:
    """The reaction templates of `scenario` whose text presumes what the team said, without an
    `answers` tag to keep them for a statement that says it."""
    for language in LANGUAGES:
        for index, template in enumerate(scenario.templates.get(language)):
            if template.context not in REACTIONS or template.answers:
                continue
            for kind, pattern in _COMPILED[language].items():
                found = pattern.search(template.text)
                if found:
                    rest = re.match(r"\w*", template.text[found.end() :])
                    words = found.group(0) + (rest.group(0) if rest else "")
                    yield Presumption(language, index, kind, words.strip())
                    break
