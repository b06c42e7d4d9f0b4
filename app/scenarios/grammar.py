"""Post templates as small grammars, so one template reads many ways.

`[a|b|c]` picks one alternative (alternatives nest and may be empty: `[so |]`); `<masc|fem>`
picks the form that agrees with the author's gender (« <inquiet|inquiète> »). A bracket
group without `|` is literal text (`[photo of the lid]`). Slots (`{brand}`) pass through.
Pure: the scenario checks validate with it and the storm engine expands it with a seeded generator.
"""

import random
from dataclasses import dataclass

from app.scenarios.messages import N_


@dataclass(frozen=True)
class Sequence:
    """Parts read one after another."""

    parts: tuple


@dataclass(frozen=True)
class Choice:
    """One of several alternatives, picked uniformly."""

    options: tuple[Sequence, ...]


@dataclass(frozen=True)
class Gendered:
    """The masculine or feminine form of the same words."""

    masculine: Sequence
    feminine: Sequence


class GrammarError(ValueError):
    """A template whose brackets do not balance."""


_CLOSE = {"[": "]", "<": ">"}


def parse(text: str) -> Sequence:
    """The grammar of a template; GrammarError if a `[` or a gendered `<` is left open."""
    node, position = _sequence(text, 0, None)
    if position != len(text):
        raise GrammarError(
            N_(
                "unexpected %(char)r at character %(position)s",
                char=text[position],
                position=position + 1,
            )
        )
    return node


def _sequence(text: str, position: int, closing: str | None) -> tuple[Sequence, int]:
    """Parts up to `closing` or `|` (inside a group) or the end."""
    parts: list = []
    literal = ""
    while position < len(text):
        char = text[position]
        if closing and char in (closing, "|"):
            break
        if char in _CLOSE and _opens_group(text, position):
            if literal:
                parts.append(literal)
                literal = ""
            group, position = _group(text, position)
            parts.append(group)
            continue
        literal += char
        position += 1
    if literal:
        parts.append(literal)
    return Sequence(tuple(parts)), position


def _opens_group(text: str, position: int) -> bool:
    """A `<` opens a gender pair only when a `|` comes before its `>`; `[` always opens."""
    if text[position] == "[":
        return True
    end = text.find(">", position)
    return end != -1 and "|" in text[position:end] and "<" not in text[position + 1 : end]


def _group(text: str, position: int):
    """A `[...]` or `<...>` group starting at `position`, and where it ends."""
    opening = text[position]
    closing = _CLOSE[opening]
    options = []
    position += 1
    while True:
        option, position = _sequence(text, position, closing)
        options.append(option)
        if position >= len(text):
            raise GrammarError(
                N_("%(opening)r is never closed with %(closing)r", opening=opening, closing=closing)
            )
        if text[position] == closing:
            position += 1
            break
        position += 1  # a "|"
    if opening == "<":
        if len(options) != 2:
            raise GrammarError(N_("a gender pair <masculine|feminine> holds exactly two forms"))
        return Gendered(*options), position
    if len(options) == 1:
        return Sequence(("[", *options[0].parts, "]")), position
    return Choice(tuple(options)), position


def expand(node, rng: random.Random, feminine: bool) -> str:
    """One reading of a grammar."""
    if isinstance(node, str):
        return node
    if isinstance(node, Sequence):
        return "".join(expand(part, rng, feminine) for part in node.parts)
    if isinstance(node, Choice):
        return expand(node.options[rng.randrange(len(node.options))], rng, feminine)
    return expand(node.feminine if feminine else node.masculine, rng, feminine)


def leaves(node) -> list[str]:
    """Every literal piece of a grammar (to check the slots they hold)."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, Sequence):
        return [leaf for part in node.parts for leaf in leaves(part)]
    if isinstance(node, Choice):
        return [leaf for option in node.options for leaf in leaves(option)]
    return leaves(node.masculine) + leaves(node.feminine)


def gendered(node) -> bool:
    """Whether a grammar has forms that depend on the author's gender."""
    if isinstance(node, str):
        return False
    if isinstance(node, Gendered):
        return True
    children = node.parts if isinstance(node, Sequence) else node.options
    return any(gendered(child) for child in children)


def readings(node) -> int:
    """How many readings a grammar has, per gender (capped, to judge its variety)."""
    if isinstance(node, str):
        return 1
    if isinstance(node, Sequence):
        total = 1
        for part in node.parts:
            total = min(10**9, total * readings(part))
        return total
    if isinstance(node, Choice):
        return min(10**9, sum(readings(option) for option in node.options))
    return max(readings(node.masculine), readings(node.feminine))
