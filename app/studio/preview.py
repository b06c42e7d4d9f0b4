"""The storm preview: the first minutes of a scenario's storm for a seed and a language.

No database and no web, only the engine: the studio's page and `stormdrill storm preview` show
the same posts for the same scenario, seed and language (no team action: the storm as it
starts). Only the refusals of the query fields are translated.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from app.core.errors import Invalid
from app.core.i18n import gettext as _
from app.core.limits import MAX_INTEGER, MAX_INTEGER_DIGITS
from app.scenarios.models import LANGUAGES, Scenario
from app.storm.engine import Storm
from app.storm.text import clock_text
from app.storm.types import Post
from app.storm.volume import VolumeCurve

MIN_MINUTES, MAX_MINUTES, DEFAULT_MINUTES = 1, 30, 10
DEFAULT_SEED = 1
SHOWN_POSTS = 300  # the feed lists this many; the chart counts them all


@dataclass(frozen=True)
class PreviewQuery:
    """What to preview: the storm's seed, its language, and how many minutes from the start."""

    seed: int
    language: str
    minutes: int


@dataclass(frozen=True)
class StormPreview:
    """The posts of the first minutes, and the volume per minute: counted and planned."""

    posts: list[Post]
    counted: list[int]
    planned: list[float]
    starts_at: str

    @property
    def shown(self) -> list[Post]:
        """The posts the feed lists (the first SHOWN_POSTS)."""
        return self.posts[:SHOWN_POSTS]


def _whole(text: str, field: str, low: int, high: int, message: str) -> tuple[int | None, tuple]:
    """A whole number within low..high, or the problem naming the field."""
    text = text.strip()
    if text.isdigit() and len(text) <= MAX_INTEGER_DIGITS and low <= int(text) <= high:
        return int(text), ()
    return None, ((field, message),)


def parse_query(params: Mapping[str, str], default_language: str) -> PreviewQuery:
    """The preview asked for by these query fields (absent ones take their default); Invalid
    naming every bad field otherwise."""
    seed, seed_problem = _whole(
        str(params.get("seed", DEFAULT_SEED)),
        "seed",
        0,
        MAX_INTEGER,
        _("Enter a whole number from 0 to %(max)s.", max=MAX_INTEGER),
    )
    minutes, minutes_problem = _whole(
        str(params.get("minutes", DEFAULT_MINUTES)),
        "minutes",
        MIN_MINUTES,
        MAX_MINUTES,
        _(
            "Enter a whole number of minutes from %(min)s to %(max)s.",
            min=MIN_MINUTES,
            max=MAX_MINUTES,
        ),
    )
    language = str(params.get("language", default_language))
    language_problem = (
        () if language in LANGUAGES else (("language", _("Choose English or French.")),)
    )
    problems = [*seed_problem, *minutes_problem, *language_problem]
    if problems:
        field, message = problems[0]
        raise Invalid(message, field=field, problems=problems)
    return PreviewQuery(seed=seed, language=language, minutes=minutes)  # type: ignore[arg-type]


def planned_per_minute(scenario: Scenario, minutes: int) -> list[float]:
    """The scenario's volume curve (posts per minute) at the middle of each minute."""
    curve = VolumeCurve(scenario)
    return [round(curve.per_minute(minute * 60 + 30), 1) for minute in range(minutes)]


def counted_per_minute(posts: list[Post], minutes: int) -> list[int]:
    """How many posts fall in each minute."""
    counts = [0] * minutes
    for post in posts:
        minute = int(post.at_s // 60)
        if 0 <= minute < minutes:
            counts[minute] += 1
    return counts


def start_clock(scenario: Scenario, language: str) -> str:
    """The time of day at T+0, as people write it in `language`."""
    hour, minute = (int(part) for part in scenario.start_time.split(":"))
    return clock_text(language, hour * 60 + minute)


def preview(scenario: Scenario, query: PreviewQuery) -> StormPreview:
    """The storm's first `query.minutes` minutes, with no team action yet."""
    end_s = query.minutes * 60.0
    storm = Storm(scenario, query.seed, None, query.language)
    posts = list(storm.stream([], 0, end_s))
    return StormPreview(
        posts=posts,
        counted=counted_per_minute(posts, query.minutes),
        planned=planned_per_minute(scenario, query.minutes),
        starts_at=start_clock(scenario, query.language),
    )
