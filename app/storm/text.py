"""Post texts compiled once per drill into literal chunks and typed slot codes.

Static slots ({brand}, {brand_handle}, {brand_tag}, {brand_short} and the brand placeholders)
are filled at compile time. The per-post slots are typed: {hashtag} one of the scenario's,
{author_city} the author's town, {time} a clock time from the drill's simulated clock (the
scenario's `start_time` plus the post's time, a few minutes back at most), {elapsed} the time
since the crisis began, and number slots ({number} and those the scenario declares under
`numbers`) a whole number of their declared range, written in their unit.
"""

import re
from collections.abc import Callable
from functools import lru_cache
from math import floor

from app.scenarios.models import NumberRange, NumberUnit, Scenario, brand_tag

HASHTAG, AUTHOR_CITY, TIME, ELAPSED, CITY_AFTER_DE, CITY_AFTER_A, TIME_OF_ACTION = range(7)
NUMBER_BASE = 7  # codes from here on are number slots, in the order of `number_names`
DEFAULT_NUMBER = NumberRange(min=2, max=12)
NUMBER_CELLS = 512  # a wide range is drawn from this many evenly spaced values
TIME_LAG_STEPS = 4  # {time} is the post's time, or up to 3 five-minute steps back
_SLOT = re.compile(r"\{(\w+)\}")
# French elision and contraction before a name: « de Orvane » is « d'Orvane », « à Le Havre »
# is « au Havre ». Capitalised words only: names, which the templates do not know in advance.
_ELISION = re.compile(r"\b(D|d|Qu|qu|QU|Jusqu|jusqu)(?:e|E) (?=[AEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜ])")
_CONTRACTION = re.compile(r"(?<![\w'])(De|de|À|à) (Les?) (?=\w)")
_CONTRACTED = {"de le": "du", "de les": "des", "à le": "au", "à les": "aux"}
_BEFORE_CITY = re.compile(r"(?:^|(?<=\s))(de|à) $")
CURRENCIES = {"GB": "£", "US": "$", "IE": "€", "CA": "$", "CH": "CHF"}
Filler = Callable[[Callable[[], float], str, int], str]


def at_handle(handle: str) -> str:
    """A handle written with its leading @."""
    return handle if handle.startswith("@") else "@" + handle


def static_values(scenario: Scenario, language: str, brand: str, brand_handle: str) -> dict:
    """The values of the slots that do not change from post to post."""
    values = {
        "brand": brand,
        "brand_handle": at_handle(brand_handle),
        "brand_tag": brand_tag(brand) or brand_tag(brand_handle),
    }
    same = brand == scenario.brand.name
    values["brand_short"] = (scenario.brand.short or brand) if same else brand
    for key, text in scenario.brand.placeholders.items():
        values[key] = _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), text.get(language))
    return values


def static_text(text: str, values: dict[str, str]) -> str:
    """A text whose slots are all static (a hashtag's {brand_tag}), filled."""
    return _SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def number_names(scenario: Scenario) -> list[str]:
    """The number slots of a scenario: {number} first, then the declared ones."""
    return ["number", *(name for name in scenario.numbers if name != "number")]


def french(text: str) -> str:
    """A French text with its prepositions elided or contracted before the names filled in."""
    text = _ELISION.sub(lambda m: m.group(1) + "'", text)
    return _CONTRACTION.sub(lambda m: _contracted(m.group(1), m.group(2)) + " ", text)


def _contracted(preposition: str, article: str) -> str:
    """« de » or « à » and « le » or « les » in one word, in the preposition's case."""
    word = _CONTRACTED[f"{preposition.lower()} {article.lower()}"]
    return word.capitalize() if preposition[0].isupper() else word


def compile_text(text: str, values: dict[str, str], numbers: list[str], language: str) -> tuple:
    """Split a text into literal chunks and dynamic slot codes; unknown slots stay as is. In
    French, names meet their prepositions as they should (`french`), the author's town too."""
    dynamic = {"hashtag": HASHTAG, "author_city": AUTHOR_CITY, "time": TIME, "elapsed": ELAPSED}
    dynamic.update({name: NUMBER_BASE + i for i, name in enumerate(numbers)})
    parts: list = [""]
    position = 0
    for match in _SLOT.finditer(text):
        key = match.group(1)
        parts[-1] += text[position : match.start()]
        if key in dynamic:
            parts.extend([dynamic[key], ""])
        else:
            parts[-1] += values.get(key, match.group(0))
        position = match.end()
    parts[-1] += text[position:]
    if language != "fr":
        return tuple(parts)
    for index in range(1, len(parts), 2):
        before = _BEFORE_CITY.search(parts[index - 1])
        if parts[index] == AUTHOR_CITY and before:
            parts[index - 1] = parts[index - 1][: before.start()]
            parts[index] = CITY_AFTER_DE if before.group(1) == "de" else CITY_AFTER_A
    return tuple(french(p) if isinstance(p, str) else p for p in parts)


def of_action(parts: tuple) -> tuple:
    """A reaction's compiled text: its {time} is the time of the action it answers ("responded
    at 10:05"), never a few minutes before it as a post's own clock may be."""
    return tuple(TIME_OF_ACTION if p == TIME and isinstance(p, int) else p for p in parts)


def clock_text(language: str, minute_of_day: int) -> str:
    """A time of day as people write it: « 14h05 » or "2:05 pm"."""
    hour, minute = divmod(minute_of_day % 1440, 60)
    if language == "fr":
        return f"{hour}h{minute:02d}"
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'am' if hour < 12 else 'pm'}"


def elapsed_text(language: str, minutes: int) -> str:
    """A time since the crisis began, as people round it: "40 minutes", « plus d'une heure »."""
    if minutes < 5:
        return "quelques minutes" if language == "fr" else "a few minutes"
    if minutes < 60:
        return f"{minutes // 5 * 5} minutes"
    if minutes < 75:
        return "une heure" if language == "fr" else "an hour"
    hours, rest = divmod(minutes // 10 * 10, 60)
    if language == "fr":
        return f"{hours} h {rest:02d}" if rest else f"{hours} heures"
    return f"{hours}h{rest:02d}" if rest else f"{hours} hours"


def number_text(value: int, unit: NumberUnit, language: str, country: str) -> str:
    """A number written in its unit and the language's habits."""
    if language == "fr":
        digits = f"{value:,}".replace(",", "\u202f")
        return {
            NumberUnit.percent: f"{digits} %",
            NumberUnit.money: f"{digits} {'CHF' if country == 'CH' else '€'}",
            NumberUnit.days: f"{digits} jour{'s' if value > 1 else ''}",
            NumberUnit.hours: f"{digits} heure{'s' if value > 1 else ''}",
            NumberUnit.minutes: f"{digits} minute{'s' if value > 1 else ''}",
        }.get(unit, digits)
    digits = f"{value:,}"
    plural = "" if value == 1 else "s"
    return {
        NumberUnit.percent: f"{digits}%",
        NumberUnit.money: f"{CURRENCIES.get(country, '$')}{digits}",
        NumberUnit.days: f"{digits} day{plural}",
        NumberUnit.hours: f"{digits} hour{plural}",
        NumberUnit.minutes: f"{digits} minute{plural}",
    }.get(unit, digits)


def number_table(spec: NumberRange, language: str, country: str) -> list[str]:
    """The values a number slot draws from, written: every whole number, or evenly spaced ones."""
    span = spec.max - spec.min
    if span < NUMBER_CELLS:
        values = range(spec.min, spec.max + 1)
    else:
        values = [spec.min + round(span * i / (NUMBER_CELLS - 1)) for i in range(NUMBER_CELLS)]
    return [number_text(v, spec.unit, language, country) for v in values]


class Slots:
    """The per-post slot values of one drill, tabulated, and fillers built on them."""

    def __init__(self, scenario: Scenario, language: str, hashtags: list[str]) -> None:
        country = scenario.countries.get(language)
        self.tags = [t if t.startswith("#") else "#" + t for t in hashtags] or ["#"]
        hour, minute = (int(part) for part in scenario.start_time.split(":"))
        self.start_minute = hour * 60 + minute
        self.clocks = [clock_text(language, m) for m in range(1440)]
        horizon = scenario.duration // 60 + 180
        self.elapsed = [elapsed_text(language, m) for m in range(horizon)]
        self.numbers = number_names(scenario)
        self.number_tables = [
            number_table(scenario.numbers.get(name, DEFAULT_NUMBER), language, country)
            for name in self.numbers
        ]

    def slot(self, code: int) -> Filler:
        """The filler of one slot code: (rand, city, at_ms) → text."""
        if code == HASHTAG:
            tags, count = self.tags, len(self.tags)
            return lambda rand, city, at_ms: tags[floor(rand() * count)]
        if code == AUTHOR_CITY:
            return lambda rand, city, at_ms: city
        if code in (CITY_AFTER_DE, CITY_AFTER_A):
            word = "de " if code == CITY_AFTER_DE else "à "
            return lambda rand, city, at_ms: _french_place(word + city)
        if code == TIME:
            clocks, start = self.clocks, self.start_minute

            def clock(rand, city, at_ms):
                minutes = at_ms // 60_000
                back = floor(rand() * TIME_LAG_STEPS) * 5
                return clocks[(start + max(0, (minutes - back) // 5 * 5)) % 1440]

            return clock
        if code == TIME_OF_ACTION:
            clocks, start = self.clocks, self.start_minute
            return lambda rand, city, at_ms: clocks[(start + at_ms // 60_000) % 1440]
        if code == ELAPSED:
            table, last = self.elapsed, len(self.elapsed) - 1
            return lambda rand, city, at_ms: table[min(last, at_ms // 60_000)]
        table = self.number_tables[code - NUMBER_BASE]
        size = len(table)
        return lambda rand, city, at_ms: table[floor(rand() * size)]

    def filler(self, parts: tuple) -> Filler | None:
        """A compiled text's own filler, or None when it has no dynamic slot."""
        if len(parts) == 1:
            return None
        heads = parts[0::2]
        slots = [self.slot(code) for code in parts[1::2]]
        if len(slots) == 1:
            head, tail, one = heads[0], heads[1], slots[0]
            return lambda rand, city, at_ms: head + one(rand, city, at_ms) + tail
        codes = parts[1::2]
        if codes.count(HASHTAG) > 1 and len(self.tags) > 1:
            return self._distinct_tags(heads, codes, slots)
        pairs = list(zip(slots, heads[1:], strict=True))
        first = heads[0]

        def fill(rand, city, at_ms):
            out = first
            for one, tail in pairs:
                out += one(rand, city, at_ms) + tail
            return out

        return fill

    def _distinct_tags(self, heads: tuple, codes: tuple, slots: list[Filler]) -> Filler:
        """A filler whose hashtag slots never draw a tag the post already has: nobody writes
        the same hashtag twice (« … >>> {hashtag} {hashtag} »)."""
        tags = self.tags
        parts = list(zip(codes, slots, heads[1:], strict=True))
        first = heads[0]
        written = [tag for tag in tags if any(tag in head for head in heads)]

        def fill(rand, city, at_ms):
            out, taken = first, list(written)
            for code, one, tail in parts:
                if code == HASHTAG:
                    left = [tag for tag in tags if tag not in taken] or tags
                    drawn = left[floor(rand() * len(left))]
                    taken.append(drawn)
                else:
                    drawn = one(rand, city, at_ms)
                out += drawn + tail
            return out

        return fill


@lru_cache(maxsize=1024)
def _french_place(words: str) -> str:
    """« de Angers » as « d'Angers », « à Le Havre » as « au Havre », once per town."""
    return french(words)
