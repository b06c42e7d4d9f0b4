"""The drill clock, from its event log: examples and properties."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.drills.clock import (
    ClockError,
    ClockEvent,
    ClockEventKind,
    ClockStatus,
    apply,
    read,
    real_time_at,
)

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
HOUR = 3600


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def ev(seconds: float, kind: str, speed: float | None = None) -> ClockEvent:
    return ClockEvent(at(seconds), ClockEventKind(kind), speed)


def test_a_scheduled_drill_stands_at_zero():
    reading = read([], at(100), HOUR)
    assert (reading.status, reading.sim_s) == (ClockStatus.scheduled, 0)


def test_running_at_ten_times_speed():
    reading = read([ev(0, "start", 10)], at(30), HOUR)
    assert (reading.status, reading.sim_s, reading.real_elapsed_s) == (ClockStatus.running, 300, 30)


def test_a_pause_stops_simulated_time_and_resume_continues():
    events = [ev(0, "start", 2), ev(10, "pause"), ev(50, "resume")]
    assert read(events, at(40), HOUR).sim_s == 20
    assert read(events, at(40), HOUR).status == ClockStatus.paused
    assert read(events, at(60), HOUR).sim_s == 40


def test_a_speed_change_applies_from_its_moment():
    events = [ev(0, "start", 1), ev(60, "speed", 30)]
    assert read(events, at(70), HOUR).sim_s == 60 + 300


def test_the_clock_ends_by_itself_at_the_duration():
    reading = read([ev(0, "start", 60)], at(120), 600)
    assert (reading.status, reading.sim_s, reading.real_elapsed_s) == (ClockStatus.ended, 600, 10)


@pytest.mark.parametrize(
    ("log", "event", "message"),
    [
        ([], ev(0, "pause"), "cannot pause a scheduled drill"),
        ([ev(0, "start", 1)], ev(5, "start", 1), "cannot start a running drill"),
        ([ev(0, "start", 1), ev(5, "end")], ev(6, "resume"), "cannot resume a ended drill"),
        ([ev(0, "start", 1)], ev(5, "speed", 90), "speed must be between"),
        ([ev(10, "start", 1)], ev(5, "pause"), "time order"),
    ],
)
def test_events_the_state_does_not_allow_are_refused(log, event, message):
    with pytest.raises(ClockError, match=message):
        apply(log, event, HOUR)


def test_real_time_at_says_when_a_simulated_moment_arrives():
    events = [ev(0, "start", 10)]
    assert real_time_at(events, 600, HOUR) == at(60)
    assert real_time_at(events + [ev(5, "pause")], 600, HOUR) is None


speeds = st.floats(min_value=1, max_value=60, allow_nan=False)
gaps = st.floats(min_value=0, max_value=600, allow_nan=False)


@st.composite
def clock_logs(draw):
    """A valid log: start, then any mix of pauses, resumes and speed changes."""
    t = draw(gaps)
    log = [ev(t, "start", draw(speeds))]
    running = True
    for _ in range(draw(st.integers(0, 8))):
        t += draw(gaps)
        kind = draw(st.sampled_from(["speed", "pause" if running else "resume"]))
        log.append(ev(t, kind, draw(speeds) if kind == "speed" else None))
        running = running if kind == "speed" else not running
    return log


@given(clock_logs(), gaps, gaps)
def test_simulated_time_never_goes_backwards(log, a, b):
    start = log[0].at
    early, late = sorted((a, b))
    first = read(log, start + timedelta(seconds=early), 10 * HOUR).sim_s
    second = read(log, start + timedelta(seconds=late), 10 * HOUR).sim_s
    assert first <= second


@given(clock_logs(), gaps)
def test_simulated_time_is_bounded_by_the_duration_and_the_top_speed(log, extra):
    now = log[-1].at + timedelta(seconds=extra)
    reading = read(log, now, 2 * HOUR)
    assert 0 <= reading.sim_s <= 2 * HOUR
    assert reading.sim_s <= reading.real_elapsed_s * 60 + 1e-6


@given(clock_logs(), gaps)
def test_reading_is_a_function_of_the_log_alone(log, extra):
    now = log[-1].at + timedelta(seconds=extra)
    assert read(log, now, HOUR) == read(list(log), now, HOUR)
