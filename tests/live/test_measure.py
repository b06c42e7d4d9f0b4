"""The harness's own arithmetic: what it calls lost, doubled, late or missing must be right,
or every figure of the live tests and `make bench` is wrong."""

import math

from hypothesis import given
from hypothesis import strategies as st

from tests.live.harness.clients import Answer, Console, Participant, Received, split_frames
from tests.live.harness.measure import (
    Action,
    action_delays,
    id_key,
    lost_and_doubled,
    percentile,
)
from tests.live.harness.takeover import Takeover

NOBODY = Participant("nobody@harness.test")  # never connects: these consoles are filled by hand


def console(ids: list[str], drill_id: int = 1, base: str = "http://a") -> Console:
    """A console that received events with these ids, one a second."""
    made = Console(NOBODY, base, drill_id)
    made.events = [Received(i, "clock", "{}", float(n)) for n, i in enumerate(ids)]
    return made


stream_ids = st.integers(2, 40).map(lambda n: [f"1700000000000-{k}" for k in range(n)])


@given(stream_ids, st.data())
def test_events_missing_inside_a_console_span_count_as_lost(ids, data):
    inner = ids[1:-1]
    dropped = data.draw(
        st.sets(st.sampled_from(inner), max_size=len(inner)) if inner else st.just(set())
    )
    partial = [i for i in ids if i not in dropped]
    assert lost_and_doubled([console(ids), console(partial)]) == (len(dropped), 0)


@given(stream_ids, st.data())
def test_events_received_twice_count_as_doubled(ids, data):
    repeated = data.draw(st.lists(st.sampled_from(ids), max_size=5))
    noisy = sorted(ids + repeated, key=id_key)
    assert lost_and_doubled([console(ids), console(noisy)]) == (0, len(repeated))


def test_a_console_that_joined_late_lost_nothing_before_it_joined():
    ids = [str(n) for n in range(10)]
    assert lost_and_doubled([console(ids), console(ids[6:])]) == (0, 0)


def test_consoles_of_other_processes_are_compared_only_when_ids_are_shared():
    one, other = console(["1", "2", "3"]), console(["1", "3"], base="http://b")
    assert lost_and_doubled([one, other]) == (0, 0)
    assert lost_and_doubled([one, other], key=lambda c: c.drill_id) == (1, 0)


def test_an_action_event_missing_on_one_console_is_named():
    got = console(["1", "2"])
    got.events.append(Received("3", "team-action", "<q>note-7</q>", 2.5))
    missed = console(["1", "2", "4"])
    action = Action(1, "note-7", Answer(201, 1.5, ""))
    delays, missing = action_delays([action], [got, missed])
    assert delays == [1.0]
    assert missing == [("note-7", missed.url)]


def test_a_refused_action_expects_no_event():
    assert action_delays([Action(1, "x", Answer(503, 1.5, ""))], [console(["1", "2"])]) == ([], [])


@given(st.lists(st.floats(-1e3, 1e3), min_size=1), st.floats(0, 1))
def test_a_percentile_is_one_of_the_values_and_grows_with_the_share(values, share):
    found = percentile(values, share)
    assert found in values
    assert percentile(values, 0) <= found <= percentile(values, 0.999)


frame_texts = st.lists(st.text("abc: -", min_size=1, max_size=12), min_size=1, max_size=6)


@given(frame_texts, st.lists(st.integers(0, 200), max_size=8))
def test_frames_come_out_whole_however_the_stream_is_cut(texts, cuts):
    stream = b"".join(f"id: {n}\r\ndata: {t}\r\n\r\n".encode() for n, t in enumerate(texts))
    bounds = [0, *sorted(c % (len(stream) + 1) for c in cuts), len(stream)]
    frames, pending = [], b""
    for start, end in zip(bounds, bounds[1:], strict=False):
        done, pending = split_frames(pending, stream[start:end])
        frames += done
    assert frames == [f"id: {n}\ndata: {t}".encode() for n, t in enumerate(texts)]
    assert pending == b""


def takeover(missing: list[str], hidden: list[tuple[float, int]]) -> Takeover:
    """A console's view of a takeover with these posts not received and these totals."""
    return Takeover("c", 1.0, 100.0, [0.0, 600.0], hidden, True, 10, missing, [])


def test_posts_counted_as_not_shown_are_not_skipped():
    assert takeover(["a", "b"], [(10.0, 1), (300.0, 2), (600.0, 3)]).skipped == 0
    assert takeover(["a", "b", "c"], [(10.0, 1), (600.0, 3)]).skipped == 1


def test_a_reset_of_the_not_shown_counter_is_caught():
    view = takeover([], [(10.0, 2), (200.0, 4), (300.0, 0), (600.0, 1)])
    assert view.counter_drops == [(4, 0)]


def test_a_percentile_of_nothing_is_not_a_number_so_no_goal_is_met():
    assert math.isnan(percentile([], 0.99))
