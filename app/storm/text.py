"""Post templates compiled once per drill into literal chunks and dynamic slot codes.

Static slots ({brand}, {brand_handle}, {brand_tag}, {product} and the other brand placeholders)
are filled at compile time, and so is the {brand_tag} of hashtags; only {hashtag},
{author_city}, {number} and {time} are left for each post, so a post's text is one `"".join`
over a few chunks (or a constant string when nothing is dynamic).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from math import floor

from app.scenarios.models import PostTemplate, Scenario, brand_tag

HASHTAG, AUTHOR_CITY, NUMBER, TIME = range(4)
DYNAMIC = {"hashtag": HASHTAG, "author_city": AUTHOR_CITY, "number": NUMBER, "time": TIME}
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Compiled:
    """A template ready to fill: `parts` alternates literal text and slot codes."""

    parts: tuple[str | int, ...]
    persona: str
    sentiment: str
    context: str
    rumour: str | None

    @property
    def constant(self) -> str | None:
        """The whole text when the template has no dynamic slot."""
        return self.parts[0] if len(self.parts) == 1 else None  # type: ignore[return-value]


def at_handle(handle: str) -> str:
    """A handle written with its leading @."""
    return handle if handle.startswith("@") else "@" + handle


def static_values(scenario: Scenario, language: str, brand: str, brand_handle: str) -> dict:
    """The values of the slots that do not change from post to post."""
    values = {key: text.get(language) for key, text in scenario.brand.placeholders.items()}
    values.update(
        brand=brand,
        brand_handle=at_handle(brand_handle),
        brand_tag=brand_tag(brand) or brand_tag(brand_handle),
    )
    return values


def static_text(text: str, values: dict[str, str]) -> str:
    """A text whose slots are all static (a hashtag's {brand_tag}), filled."""
    return "".join(part for part in compile_text(text, values) if isinstance(part, str))


def compile_text(text: str, values: dict[str, str]) -> tuple[str | int, ...]:
    """Split a template into literal chunks and dynamic slot codes; unknown slots stay as is."""
    parts: list[str | int] = [""]
    position = 0
    for match in _SLOT.finditer(text):
        key = match.group(1)
        parts[-1] += text[position : match.start()]
        if key in DYNAMIC:
            parts.extend([DYNAMIC[key], ""])
        else:
            parts[-1] += values.get(key, match.group(0))  # type: ignore[operator]
        position = match.end()
    parts[-1] += text[position:]  # type: ignore[operator]
    return tuple(parts)


def compile_template(template: PostTemplate, values: dict[str, str]) -> Compiled:
    """One scenario template, compiled."""
    return Compiled(
        parts=compile_text(template.text, values),
        persona=template.persona.value,
        sentiment=template.sentiment.value,
        context=template.context.value,
        rumour=template.rumour,
    )


def clock_text(language: str, minute_of_day: int) -> str:
    """A time of day as people write it: « 14h05 » or "2:05 pm"."""
    hour, minute = divmod(minute_of_day % 1440, 60)
    if language == "fr":
        return f"{hour}h{minute:02d}"
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'am' if hour < 12 else 'pm'}"


def make_filler(language: str, hashtags: list[str]) -> Callable:
    """A function filling a compiled template's dynamic slots from a random source."""
    tags, count, clocks, numbers = _fill_tables(language, hashtags)

    def fill(parts: tuple, rand: Callable[[], float], city: str) -> str:
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            code = parts[i]
            if code == HASHTAG:
                out.append(tags[floor(rand() * count)])
            elif code == AUTHOR_CITY:
                out.append(city)
            elif code == NUMBER:
                out.append(numbers[floor(rand() * 98)])
            else:
                out.append(clocks[480 + floor(rand() * 840)])
            out.append(parts[i + 1])
        return "".join(out)

    return fill


def _fill_tables(language: str, hashtags: list[str]) -> tuple[list[str], int, list[str], list]:
    """The hashtags (with their #), how many, the 1,440 times of day as written, and the
    numbers 2 to 99 as text."""
    tags = [t if t.startswith("#") else "#" + t for t in hashtags] or ["#"]
    numbers = [str(2 + k) for k in range(98)]
    return tags, len(tags), [clock_text(language, m) for m in range(1440)], numbers


def make_specialiser(language: str, hashtags: list[str]) -> Callable:
    """A function turning a template's parts into its own filler `(rand, city) -> text`.

    A template with one dynamic slot (most of them) gets a closure that draws exactly what
    `make_filler`'s `fill` draws and concatenates three strings; one with two or three slots a
    closure calling a small filler per slot, left to right (the same draws in the same order);
    others call `fill`.
    """
    tags, count, clocks, numbers = _fill_tables(language, hashtags)
    fill = make_filler(language, hashtags)
    slot_fillers = {
        HASHTAG: lambda rand, city: tags[floor(rand() * count)],
        AUTHOR_CITY: lambda rand, city: city,
        NUMBER: lambda rand, city: numbers[floor(rand() * 98)],
        TIME: lambda rand, city: clocks[480 + floor(rand() * 840)],
    }

    def specialise(parts: tuple) -> Callable[[Callable[[], float], str], str]:
        if len(parts) == 3:
            return _one_slot(parts, tags, count, clocks, numbers)
        if len(parts) == 5:
            a, first, b, second, c = parts
            f1, f2 = slot_fillers[first], slot_fillers[second]
            return lambda rand, city: a + f1(rand, city) + b + f2(rand, city) + c
        if len(parts) == 7:
            a, first, b, second, c, third, d = parts
            f1, f2, f3 = slot_fillers[first], slot_fillers[second], slot_fillers[third]
            return lambda rand, city: (
                a + f1(rand, city) + b + f2(rand, city) + c + f3(rand, city) + d
            )
        return lambda rand, city: fill(parts, rand, city)

    return specialise


def _one_slot(parts: tuple, tags: list, count: int, clocks: list, numbers: list) -> Callable:
    """The filler of a template with exactly one dynamic slot: three strings concatenated."""
    head, code, tail = parts
    if code == HASHTAG:
        return lambda rand, city: head + tags[floor(rand() * count)] + tail
    if code == AUTHOR_CITY:
        return lambda rand, city: head + city + tail
    if code == NUMBER:
        return lambda rand, city: head + numbers[floor(rand() * 98)] + tail
    return lambda rand, city: head + clocks[480 + floor(rand() * 840)] + tail
