"""The dry run, pure: scripts written from the scenario, and the good one scoring clearly above
the poor one on the library's scenarios."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from app.drills.rules import unfilled
from app.scenarios import library
from app.studio import scripts
from app.studio.dry_run import CLEAR_MARGIN, DryRun, dry_run
from app.studio.scripts import good_script, poor_script

LIBRARY = [path.stem for path in library.scenario_files()]
SEPARATING = [
    "tutorial",
    "product-recall",
    "data-breach",
    "service-outage",
    "strike",
    "deepfake",
    "natural-disaster",
]


@pytest.mark.parametrize("scenario_id", LIBRARY)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_good_script_acts_on_the_scenario_in_time(scenario_id, language):
    scenario = library.load_scenario(scenario_id)
    actions = good_script(scenario, language)
    replies = {a["in_reply_to"]: a for a in actions if a["kind"] == "reply"}
    for inject in scenario.injects:
        if inject.expects_response:
            assert inject.at <= replies[inject.id]["at_s"] < inject.deadline
    corrected = {a["rumour"] for a in actions if a["kind"] == "correct_rumour"}
    in_time = {
        r.id
        for r in scenario.rumours
        if scripts.rumour_surfaces_at(scenario, r.id, r.appears_at) + 600 < scenario.duration
    }
    assert in_time <= corrected
    assert next(a for a in actions if a["kind"] == "statement")["at_s"] <= 300
    for action in actions:
        assert not unfilled(action["text"]) and 0 <= action["at_s"] <= scenario.duration


@pytest.mark.parametrize("scenario_id", LIBRARY)
def test_the_poor_script_is_late_and_corrects_nothing(scenario_id):
    scenario = library.load_scenario(scenario_id)
    actions = poor_script(scenario, "fr")
    assert not [a for a in actions if a["kind"] == "correct_rumour"]
    deadlines = {i.id: i.deadline for i in scenario.injects if i.expects_response}
    for action in actions:
        if action["kind"] == "reply":
            assert action["at_s"] >= min(deadlines[action["in_reply_to"]], scenario.duration)


def test_the_scripts_speak_the_scenarios_words():
    scenario = library.load_scenario("data-breach")
    said = " ".join(a["text"] for a in good_script(scenario, "fr"))
    assert "{" not in said and "Lumenza" in said
    first_fact = scripts.short(scripts.filler(scenario, "fr")(scenario.facts[0].text.fr))
    assert first_fact in said
    claim = scenario.rumours[0].claim.fr.rstrip(" .")
    assert scripts.filler(scenario, "fr")(claim) in said


@settings(max_examples=6, deadline=None)
@given(
    scenario_id=st.sampled_from(SEPARATING),
    seed=st.integers(0, 2**31 - 1),
    language=st.sampled_from(["en", "fr"]),
)
# Where a stated fact once read as denying another (a critical error for the good team).
@example(scenario_id="natural-disaster", seed=1, language="fr")
@example(scenario_id="natural-disaster", seed=1, language="en")
def test_the_good_team_scores_clearly_above_the_poor_one(scenario_id, seed, language):
    run = dry_run(library.load_scenario(scenario_id), seed=seed, language=language, reader="en")
    assert run.margin >= CLEAR_MARGIN, (run.good.overall, run.poor.overall)
    assert run.verdict == "clear"
    assert not run.good.critical_errors


def test_the_findings_are_written_for_the_reader():
    run = dry_run(library.load_scenario("tutorial"), seed=4, language="en", reader="fr")
    assert run.good.language == "fr" and run.poor.language == "fr"


@pytest.mark.parametrize(
    ("good", "poor", "verdict"),
    [
        (80.0, 80.0 - CLEAR_MARGIN, "clear"),
        (80.0, 80.0 - CLEAR_MARGIN + 0.1, "barely"),
        (50.0, 49.9, "barely"),
        (50.0, 50.0, "not"),
        (40.0, 55.0, "not"),
    ],
)
def test_the_verdict_needs_the_documented_margin(tutorial_run, good, poor, verdict):
    run = DryRun(
        good=tutorial_run.good.model_copy(update={"overall": good}),
        poor=tutorial_run.poor.model_copy(update={"overall": poor}),
        good_actions=[],
        poor_actions=[],
    )
    assert run.verdict == verdict


@pytest.fixture(scope="module")
def tutorial_run() -> DryRun:
    return dry_run(library.load_scenario("tutorial"), seed=1, language="en", reader="en")
