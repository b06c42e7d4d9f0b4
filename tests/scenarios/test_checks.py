"""The pure parts of validation: durations and template slots."""

from hypothesis import given
from hypothesis import strategies as st

from app.scenarios.checks import placeholder_problems
from app.scenarios.models import SLOTS, format_duration, parse_duration


@given(st.integers(min_value=0, max_value=10 * 3600))
def test_a_formatted_duration_parses_back_to_the_same_seconds(seconds: int):
    assert parse_duration(format_duration(seconds)) == seconds


def test_durations_are_written_as_scenarios_write_them():
    assert [format_duration(s) for s in (0, 45, 720, 3600, 3905)] == [
        "0s",
        "45s",
        "12m",
        "1h00m",
        "1h05m5s",
    ]


@given(st.lists(st.sampled_from(SLOTS)), st.text(alphabet="abc !?#@é\n", max_size=20))
def test_text_using_only_defined_slots_has_no_problem(slots: list[str], filler: str):
    text = filler.join(f"{{{slot}}}" for slot in slots) or filler
    assert placeholder_problems(text, set(SLOTS)) == []


def test_slot_problems_are_named():
    assert placeholder_problems("{x} {brand}", {"brand"})[0].startswith("unknown placeholder {x}")
    assert "malformed" in placeholder_problems("oops }", {"brand"})[0]
    assert "not a plain slot" in placeholder_problems("{brand:>5}", {"brand"})[0]
    assert "not a plain slot" in placeholder_problems("{0}", {"brand"})[0]
