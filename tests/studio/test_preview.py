"""The storm preview, pure: its query fields, and the posts and volumes it shows."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.errors import Invalid
from app.scenarios import library
from app.storm.engine import Storm
from app.storm.volume import VolumeCurve
from app.studio import preview
from app.studio.preview import PreviewQuery, parse_query


def test_absent_fields_take_their_defaults():
    query = parse_query({}, "fr")
    assert query == PreviewQuery(seed=1, language="fr", minutes=preview.DEFAULT_MINUTES)


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({"seed": "x"}, ["seed"]),
        ({"seed": "-3"}, ["seed"]),
        ({"seed": "9" * 5000}, ["seed"]),
        ({"minutes": "0"}, ["minutes"]),
        ({"minutes": str(preview.MAX_MINUTES + 1)}, ["minutes"]),
        ({"minutes": "2.5"}, ["minutes"]),
        ({"language": "de"}, ["language"]),
        ({"seed": "", "minutes": "99", "language": "es"}, ["seed", "minutes", "language"]),
    ],
)
def test_a_bad_field_is_named(params, fields):
    with pytest.raises(Invalid) as refused:
        parse_query(params, "en")
    assert [field for field, _message in refused.value.problems] == fields
    assert refused.value.field == fields[0]


@given(
    seed=st.integers(0, 2**31 - 1),
    minutes=st.integers(preview.MIN_MINUTES, preview.MAX_MINUTES),
    language=st.sampled_from(["en", "fr"]),
)
def test_good_fields_are_read_back(seed, minutes, language):
    params = {"seed": f" {seed} ", "minutes": str(minutes), "language": language}
    assert parse_query(params, "en") == PreviewQuery(seed, language, minutes)


@settings(max_examples=8, deadline=None)
@given(
    scenario_id=st.sampled_from(["tutorial", "product-recall", "service-outage"]),
    seed=st.integers(0, 2**31 - 1),
    minutes=st.integers(1, 6),
    language=st.sampled_from(["en", "fr"]),
)
def test_the_preview_is_the_storm_the_engine_streams(scenario_id, seed, minutes, language):
    scenario = library.load_scenario(scenario_id)
    shown = preview.preview(scenario, PreviewQuery(seed, language, minutes))
    expected = list(Storm(scenario, seed, None, language).stream([], 0, minutes * 60.0))
    assert shown.posts == expected
    assert sum(shown.counted) == len(expected) and len(shown.counted) == minutes
    curve = VolumeCurve(scenario)
    assert shown.planned == [round(curve.per_minute(m * 60 + 30), 1) for m in range(minutes)]


def test_the_counts_fall_in_their_minutes():
    scenario = library.load_scenario("product-recall")
    shown = preview.preview(scenario, PreviewQuery(3, "en", 5))
    for minute, count in enumerate(shown.counted):
        assert count == sum(
            1 for post in shown.posts if minute * 60 <= post.at_s < minute * 60 + 60
        )
    assert shown.shown == shown.posts[: preview.SHOWN_POSTS]


@pytest.mark.parametrize(("language", "clock"), [("en", "9:00 am"), ("fr", "9h00")])
def test_the_start_is_told_on_the_scenarios_clock(language, clock):
    scenario = library.load_scenario("tutorial").model_copy(update={"start_time": "09:00"})
    assert preview.start_clock(scenario, language) == clock
