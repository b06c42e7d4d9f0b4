"""Pure drill rules and headless replays: examples and properties."""

from hypothesis import given
from hypothesis import strategies as st

from app.drills.export import cut_at
from app.drills.record import action_entry, with_waits
from app.drills.run import replay

PLAN = {
    "roles": [
        {"id": "spokesperson", "can_publish": True, "approves": False},
        {"id": "approver", "can_publish": False, "approves": True},
    ],
    "approval_required": False,
}
notes = st.lists(
    st.builds(
        lambda at_s, text: {"at_s": at_s, "kind": "note", "text": text},
        st.integers(min_value=0, max_value=600),
        st.text(min_size=1, max_size=20).filter(str.strip),
    ),
    max_size=20,
)


@given(notes)
def test_replay_keeps_every_action_in_time_order(actions):
    stored = replay(PLAN, actions, 600)
    assert len(stored) == len(actions)
    assert [a["at_s"] for a in stored] == sorted(a["at_s"] for a in actions)


@given(notes)
def test_replay_is_deterministic(actions):
    assert replay(PLAN, actions, 600) == replay(PLAN, list(actions), 600)


def test_approval_publishes_the_statement_and_records_the_wait():
    actions = [
        {"at_s": 10, "kind": "request_approval", "role": "spokesperson", "text": "Hold"},
        {"at_s": 70, "kind": "approve", "role": "approver", "ref": "stmt-1"},
    ]
    stored = with_waits(action_entry(a) for a in replay(PLAN, actions, 600))
    assert [(a["kind"], a.get("role")) for a in stored] == [
        ("request_approval", "spokesperson"),
        ("approve", "approver"),
        ("statement", "spokesperson"),
    ]
    assert stored[1]["waited_s"] == 60


@given(
    st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=30).map(sorted),
    st.integers(min_value=0, max_value=50),
)
def test_cut_never_repeats_or_loses_a_post(times, next_ms):
    next_ms = max(next_ms, times[-1])
    posts = [{"at_ms": t} for t in times]
    resume_s, kept = cut_at(posts, next_ms)
    resume_ms = round(resume_s * 1000)
    assert kept and kept == posts[: len(kept)]
    assert all(p["at_ms"] < resume_ms for p in kept)
    assert all(p["at_ms"] >= resume_ms for p in posts[len(kept) :])
