"""Conditional injects: which fire, when and why, from the scenario and the team's actions."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from app.scenarios import library
from app.scenarios.models import Scenario
from app.storm.branching import Public, evaluate, reason, sim_clock
from app.storm.engine import Storm
from app.storm.types import Action

TUTORIAL = library.load_scenario("tutorial")
CONDITIONAL = [
    {"id": "silence", "at": 120, "when": {"kind": "no_statement"}},
    {
        "id": "rumour-left",
        "at": 300,
        "when": {"kind": "rumour_uncorrected", "rumour": "health-inspection"},
    },
    {"id": "denial", "at": 60, "when": {"kind": "fact_denied", "fact": "nobody-hurt"}},
    {"id": "paper-ignored", "at": 0, "when": {"kind": "unanswered", "inject": "local-paper"}},
    {"id": "chained", "at": 0, "when": {"kind": "unanswered", "inject": "paper-ignored"}},
]


def with_conditions(base: Scenario = TUTORIAL) -> Scenario:
    """The tutorial with conditional news articles (and one that expects a response)."""
    data = base.model_dump(mode="json")
    template = {k: v for k, v in data["injects"][1].items() if k not in ("id", "at", "deadline")}
    for extra in CONDITIONAL:
        inject = {**template, **extra, "channel": "news_article", "expects_response": False}
        if extra["id"] == "paper-ignored":
            inject |= {"channel": "journalist_dm", "expects_response": True, "deadline": 60}
        data["injects"].append(inject)
    return Scenario.model_validate(data)


SCENARIO = with_conditions()
KINDS = ("statement", "reply", "correct_rumour", "flag_rumour")


def public(at_s, kind="statement", **fields) -> Public:
    return Public(at_s=at_s, kind=kind, ref=f"a-{at_s}-{kind}", **fields)


def test_silence_fires_the_no_statement_inject_at_its_time_and_a_statement_disarms_it():
    assert evaluate(SCENARIO, [])["silence"].at_s == 120
    assert evaluate(SCENARIO, [public(119.9)])["silence"].at_s is None
    assert evaluate(SCENARIO, [public(30), public(50)])["silence"].settled_s == 30
    assert evaluate(SCENARIO, [])["silence"].settled_s is None
    assert evaluate(SCENARIO, [public(120)])["silence"].at_s == 120  # too late: "by T+2:00"
    assert evaluate(SCENARIO, [public(10, "reply", in_reply_to="x")])["silence"].at_s == 120


def test_a_rumour_corrected_in_time_disarms_its_inject_but_a_reply_does_not():
    fixed = public(200, "correct_rumour", corrects=frozenset({"health-inspection"}))
    assert evaluate(SCENARIO, [fixed])["rumour-left"].at_s is None
    unread = public(200, "correct_rumour")  # a correction that does not deny the rumour
    assert evaluate(SCENARIO, [unread])["rumour-left"].at_s == 300


def test_a_denial_fires_at_its_time_but_never_before_the_inject_s_own():
    late = public(90, denies=frozenset({"nobody-hurt"}))
    early = public(20, denies=frozenset({"nobody-hurt"}))
    assert evaluate(SCENARIO, [late])["denial"].at_s == 90
    assert evaluate(SCENARIO, [early])["denial"].at_s == 60
    assert evaluate(SCENARIO, [early])["denial"].cause_s == 20
    assert evaluate(SCENARIO, [])["denial"].at_s is None


def test_an_unanswered_message_fires_at_its_deadline_and_a_reply_in_time_disarms_it():
    deadline = 480  # local-paper's
    assert evaluate(SCENARIO, [])["paper-ignored"].at_s == deadline
    answer = public(400, "reply", in_reply_to="local-paper")
    assert evaluate(SCENARIO, [answer])["paper-ignored"].at_s is None
    to_post = public(400, "reply", in_reply_to="i-local-paper")  # a reply to its feed post
    assert evaluate(SCENARIO, [to_post])["paper-ignored"].at_s is None
    too_late = public(480, "reply", in_reply_to="local-paper")
    assert evaluate(SCENARIO, [too_late])["paper-ignored"].at_s == deadline
    assert evaluate(SCENARIO, [answer])["chained"].at_s is None  # its message never came
    assert evaluate(SCENARIO, [])["chained"].at_s == deadline + 60  # the chain's own deadline


def test_a_message_fired_early_moves_the_deadline_it_is_judged_by():
    assert evaluate(SCENARIO, [], {"local-paper": 200})["paper-ignored"].at_s == 380


def test_reasons_in_both_languages_name_the_claim_not_the_id():
    fired = evaluate(SCENARIO, [])
    assert reason(SCENARIO, fired["silence"], "en") == "no public statement by T+2:00"
    assert reason(SCENARIO, fired["silence"], "fr") == "aucune déclaration publique à T+2:00"
    en = reason(SCENARIO, fired["rumour-left"], "en")
    assert "health inspectors" in en and "health-inspection" not in en
    assert "T+5:00" in reason(SCENARIO, fired["rumour-left"], "fr")
    assert reason(SCENARIO, evaluate(SCENARIO, [public(1)])["silence"], "en") == ""
    assert sim_clock(3725) == "T+1:02:05"


actions_strategy = st.lists(
    st.builds(
        lambda at, kind, reply, fixes, denies: public(
            at,
            kind,
            in_reply_to="local-paper" if reply else None,
            corrects=frozenset({"health-inspection"} if fixes else ()),
            denies=frozenset({"nobody-hurt"} if denies else ()),
        ),
        st.integers(0, 600).map(float),
        st.sampled_from(KINDS),
        st.booleans(),
        st.booleans(),
        st.booleans(),
    ),
    max_size=8,
)


@settings(deadline=None)
@given(actions=actions_strategy, seed=st.integers(0, 1000))
def test_the_answer_is_deterministic_and_ignores_the_order_actions_come_in(actions, seed):
    shuffled = list(actions)
    random.Random(seed).shuffle(shuffled)
    assert evaluate(SCENARIO, actions) == evaluate(SCENARIO, shuffled)


@settings(deadline=None)
@given(actions=actions_strategy, cut=st.integers(0, 600))
def test_what_fired_by_a_time_never_changes_with_later_actions(actions, cut):
    """The live drill knows only the actions so far: it must agree with the whole drill."""
    whole = evaluate(SCENARIO, actions)
    so_far = evaluate(SCENARIO, [a for a in actions if a.at_s <= cut])
    assert {k: b for k, b in whole.items() if b.fired and b.at_s <= cut} == {
        k: b for k, b in so_far.items() if b.fired and b.at_s <= cut
    }
    settled = {k: b for k, b in whole.items() if b.settled_s is not None and b.settled_s <= cut}
    assert settled == {k: so_far[k] for k in settled}  # what cannot fire any more stays so


@settings(deadline=None)
@given(actions=actions_strategy)
def test_each_conditional_inject_fires_once_iff_its_condition_holds(actions):
    fired = evaluate(SCENARIO, actions)
    assert list(fired) == [c["id"] for c in CONDITIONAL]  # one answer each: at most one firing
    stated = any(a.kind in ("statement", "correct_rumour") and a.at_s < 120 for a in actions)
    assert fired["silence"].fired is not stated
    fixed = any("health-inspection" in a.corrects and a.at_s < 300 for a in actions)
    assert fired["rumour-left"].fired is not fixed
    denials = [a.at_s for a in actions if "nobody-hurt" in a.denies]
    assert fired["denial"].at_s == (max(60, min(denials)) if denials else None)
    answered = any(a.in_reply_to == "local-paper" and a.at_s < 480 for a in actions)
    assert fired["paper-ignored"].at_s == (None if answered else 480)
    for branch in fired.values():
        assert branch.at_s is None or branch.at_s >= next(
            i.at for i in SCENARIO.injects if i.id == branch.inject
        )


def test_the_storm_reads_a_denial_and_a_correction_with_the_statement_analysis():
    storm = Storm(SCENARIO, 3, None, "en")
    denial = Action(at_s=100, kind="statement", text="It is false that nobody was hurt.")
    neutral = Action(at_s=100, kind="statement", text="We are sorry for the closure today.")
    assert storm.branches([denial])["denial"].at_s == 100
    assert storm.branches([neutral])["denial"].at_s is None
    fix = Action(
        at_s=250,
        kind="correct_rumour",
        rumour="health-inspection",
        text="It is false that health inspectors shut Corn Street: a pipe burst.",
    )
    assert storm.branches([fix])["rumour-left"].at_s is None
    assert storm.reason(storm.branches([])["rumour-left"]).startswith("the rumour “")


def post_times(storm: Storm, actions: list[Action]) -> dict[str, int]:
    return {p.inject: p.at_ms for p in storm.posts(actions, 0, SCENARIO.duration) if p.inject}


def test_a_conditional_feed_inject_appears_in_the_storm_when_it_fires_and_never_otherwise():
    storm = Storm(SCENARIO, 3, None, "en")
    quiet = post_times(storm, [])
    assert quiet["silence"] == 120_000 and "denial" not in quiet
    spoken = [Action(at_s=30, kind="statement", text="It is false that nobody was hurt.")]
    after = post_times(storm, spoken)
    assert "silence" not in after and after["denial"] == 60_000
    again = Storm(SCENARIO, 3, None, "en")
    assert storm.posts(spoken, 0, 600) == again.posts(spoken, 0, 600)  # deterministic


def test_a_scenario_without_conditions_keeps_its_storm():
    plain, same = Storm(TUTORIAL, 5, None, "fr"), Storm(TUTORIAL, 5, None, "fr")
    assert plain.branches([]) == {}
    assert plain.posts([], 0, 300) == same.posts([], 0, 300)
