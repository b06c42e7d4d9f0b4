"""The user's time zone: wall-clock times typed in it, moments shown in it, clock changes.

Every moment here comes from a clock passed in (a fixed instant, or now), never from a
calendar date written out; clock changes are found by walking the zone's offsets.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core import i18n
from app.core.timezones import MissingLocalTime, parse_local, to_local_input, valid_zone

ZONES = ["UTC", "Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata"]
# Any instant within about twenty years of the epoch of this clock.
ORIGIN = datetime.fromtimestamp(1_800_000_000, UTC)
instants = st.integers(min_value=-10 * 365 * 86400, max_value=10 * 365 * 86400).map(
    lambda s: ORIGIN + timedelta(seconds=s - s % 60)
)


def clock_changes(zone: ZoneInfo, start: datetime, days: int = 400) -> list[datetime]:
    """The UTC instants (to the hour) after `start` at which `zone`'s offset changes."""
    changes = []
    moment = start.replace(minute=0, second=0, microsecond=0)
    offset = moment.astimezone(zone).utcoffset()
    for _hour in range(days * 24):
        moment += timedelta(hours=1)
        now_offset = moment.astimezone(zone).utcoffset()
        if now_offset != offset:
            changes.append(moment)
            offset = now_offset
    return changes


def ambiguous(text: str, zone: ZoneInfo) -> bool:
    naive = datetime.fromisoformat(text)
    first = naive.replace(tzinfo=zone, fold=0).utcoffset()
    return first != naive.replace(tzinfo=zone, fold=1).utcoffset()


@given(moment=instants, name=st.sampled_from(ZONES))
def test_a_local_time_round_trips_through_the_users_zone(moment, name):
    zone = ZoneInfo(name)
    typed = to_local_input(moment, zone)
    back = parse_local(typed, zone)
    if ambiguous(typed, zone):
        # The hour that happens twice is read as its first occurrence, as calendars do.
        assert back <= moment and moment - back <= timedelta(hours=1)
    else:
        assert back == moment
    assert to_local_input(back, zone) == typed


@pytest.mark.parametrize("name", ["Europe/Paris", "America/New_York", "Australia/Sydney"])
def test_clocks_going_forward_skip_an_hour_that_is_refused(name):
    zone = ZoneInfo(name)
    forward = [c for c in clock_changes(zone, datetime.now(UTC)) if _went_forward(c, zone)][0]
    before = forward - timedelta(minutes=1)
    skipped = (before.astimezone(zone) + timedelta(minutes=31)).replace(tzinfo=None)
    with pytest.raises(MissingLocalTime):
        parse_local(skipped.strftime("%Y-%m-%dT%H:%M"), zone)
    # The minute before and the first minute after the change are both real.
    assert parse_local(to_local_input(before, zone), zone) == before
    assert parse_local(to_local_input(forward, zone), zone) == forward


@pytest.mark.parametrize("name", ["Europe/Paris", "America/New_York", "Australia/Sydney"])
def test_clocks_going_back_read_the_repeated_hour_as_its_first_occurrence(name):
    zone = ZoneInfo(name)
    back = [c for c in clock_changes(zone, datetime.now(UTC)) if not _went_forward(c, zone)][0]
    second = back + timedelta(minutes=30)
    first = second - (
        (back - timedelta(minutes=1)).astimezone(zone).utcoffset()
        - second.astimezone(zone).utcoffset()
    )
    typed = to_local_input(second, zone)
    assert to_local_input(first, zone) == typed
    assert parse_local(typed, zone) == first


def _went_forward(change: datetime, zone: ZoneInfo) -> bool:
    before = (change - timedelta(hours=1)).astimezone(zone).utcoffset()
    return change.astimezone(zone).utcoffset() > before


def test_a_time_given_with_an_offset_keeps_it():
    moment = ORIGIN.astimezone(ZoneInfo("Asia/Kolkata"))
    assert parse_local(moment.isoformat(), ZoneInfo("Europe/Paris")) == ORIGIN


@pytest.mark.parametrize("text", ["", "tomorrow", "25:99"])
def test_text_that_is_no_time_is_refused(text):
    with pytest.raises(ValueError):
        parse_local(text, ZoneInfo("Europe/Paris"))


@pytest.mark.parametrize(
    ("name", "known"), [("Europe/Paris", True), ("UTC", True), ("Mars/Olympus", False), ("", False)]
)
def test_only_known_zones_are_valid(name, known):
    assert (valid_zone(name) == name) is known


@pytest.fixture
def reader():
    tokens = []

    def use(language: str, zone: str) -> None:
        tokens.append((i18n.current_language.set(language), i18n.current_time_zone.set(zone)))

    yield use
    for language, zone in reversed(tokens):
        i18n.current_time_zone.reset(zone)
        i18n.current_language.reset(language)


@pytest.mark.parametrize("name", ZONES)
def test_a_moment_is_shown_in_the_readers_zone(reader, name):
    reader("fr", name)
    local = ORIGIN.astimezone(ZoneInfo(name))
    shown = i18n.format_datetime(ORIGIN)
    assert shown.endswith(f"{local:%H:%M}")
    assert str(local.year) in shown and str(local.day) in shown


def test_one_shape_per_language_to_the_minute(reader):
    reader("en", "America/New_York")
    english = i18n.format_datetime(ORIGIN)
    reader("fr", "America/New_York")
    french = i18n.format_datetime(ORIGIN)
    local = ORIGIN.astimezone(ZoneInfo("America/New_York"))
    assert english.endswith(("AM", "PM")) and english.count(":") == 1
    assert french.endswith(f"{local:%H:%M}") and french.count(":") == 1


def test_a_naive_moment_is_read_as_utc(reader):
    reader("en", "Asia/Kolkata")
    assert i18n.format_datetime(ORIGIN.replace(tzinfo=None)) == i18n.format_datetime(ORIGIN)


@given(moment=instants, name=st.sampled_from(ZONES))
def test_the_day_shown_is_the_day_in_the_readers_zone(moment, name):
    language = i18n.current_language.set("en")
    zone = i18n.current_time_zone.set(name)
    try:
        local_day = moment.astimezone(ZoneInfo(name)).date()
        assert i18n.format_date(moment) == i18n.format_date(local_day)
    finally:
        i18n.current_time_zone.reset(zone)
        i18n.current_language.reset(language)


@pytest.mark.parametrize(
    ("language", "seconds", "shown"), [("en", 330, "5.5 min"), ("fr", 330, "5,5 min")]
)
def test_durations_read_in_minutes_with_the_languages_decimal_mark(
    reader, language, seconds, shown
):
    reader(language, "UTC")
    assert i18n.format_minutes(seconds) == shown


@given(share=st.floats(min_value=0, max_value=1), language=st.sampled_from(i18n.LANGUAGES))
def test_a_share_reads_as_a_whole_percentage(share, language):
    token = i18n.current_language.set(language)
    try:
        shown = i18n.format_percent(share)
        digits = "".join(ch for ch in shown if ch.isdigit())
        assert shown.endswith("%") and int(digits) == round(share * 100)
    finally:
        i18n.current_language.reset(token)
