"""The user's time zone: checking a zone name, and reading a wall-clock time typed in it.

A `datetime-local` field carries a wall-clock time with no zone. It is read in the user's zone
and stored in UTC; shown again, it is turned back into that zone. Around a change of clocks a
wall-clock time can be missing (clocks go forward) or happen twice (clocks go back): the first is
refused, the second read as its first occurrence, as calendars do.
"""

from datetime import UTC, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


class MissingLocalTime(ValueError):
    """A wall-clock time skipped when the clocks went forward."""


@lru_cache
def known_zones() -> frozenset[str]:
    """Every IANA zone name this machine knows."""
    return frozenset(available_timezones())


def valid_zone(name: str | None) -> str | None:
    """`name` when it is a known IANA zone (as a browser's Intl API gives it), else None."""
    return name if name and name in known_zones() else None


def aware(moment: datetime) -> datetime:
    """`moment` with a zone: a naive one (as SQLite gives back) is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def to_local_input(moment: datetime, zone: ZoneInfo) -> str:
    """A UTC moment as a `datetime-local` value in `zone`, to the minute."""
    return aware(moment).astimezone(zone).strftime(LOCAL_INPUT_FORMAT)


def parse_local(text: str, zone: ZoneInfo) -> datetime:
    """A wall-clock time typed in `zone` as a UTC moment.

    Raises ValueError for text that is no date and time, MissingLocalTime for a time the
    clocks skipped. A time given with an offset keeps it.
    """
    typed = datetime.fromisoformat(text)
    if typed.tzinfo is not None:
        return typed.astimezone(UTC)
    first = typed.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != typed:
        raise MissingLocalTime(text)
    return first.astimezone(UTC)
