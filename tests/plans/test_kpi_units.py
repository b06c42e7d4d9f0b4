"""KPI targets in the units people use: per cent and minutes typed, 0–1 and seconds stored."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.accounts.models import Role
from app.core import i18n
from app.plans import items, kpi_units
from app.plans.catalogue import METRIC_LABELS
from app.plans.forms import FormErrors
from app.plans.sections import SECTIONS
from tests.factories import sign_in
from tests.plans.helpers import make_plan
from tests.plans.html import by_id


@pytest.fixture
def in_language():
    tokens = []

    def use(language: str) -> None:
        tokens.append(i18n.current_language.set(language))

    yield use
    for token in reversed(tokens):
        i18n.current_language.reset(token)


@pytest.mark.parametrize(
    ("language", "metric", "typed", "stored"),
    [
        ("en", "priority_reply_rate", "80", 0.8),
        ("en", "priority_reply_rate", "80 %", 0.8),
        ("fr", "priority_reply_rate", "82,5", 0.825),
        ("en", "checklist_on_time_rate", "0", 0.0),
        ("en", "time_to_first_response_s", "15", 900.0),
        ("fr", "median_reply_latency_s", "5,5", 330.0),
        ("fr", "rumour_correction_s", "5,5 min", 330.0),
        ("fr", "final_sentiment", "-0,2", -0.2),
    ],
)
def test_a_typed_target_is_stored_in_the_record_unit(in_language, language, metric, typed, stored):
    in_language(language)
    assert kpi_units.target_from_form(metric, typed) == pytest.approx(stored)


@pytest.mark.parametrize(
    ("metric", "typed"),
    [
        ("priority_reply_rate", "120"),
        ("priority_reply_rate", "-1"),
        ("time_to_first_response_s", "0"),
        ("final_sentiment", "2"),
    ],
)
def test_a_target_out_of_range_is_refused_naming_the_field_and_the_kpi(in_language, metric, typed):
    in_language("en")
    with pytest.raises(FormErrors) as refused:
        kpi_units.target_from_form(metric, typed)
    assert list(refused.value.errors) == ["target"]
    assert str(METRIC_LABELS[metric]) in refused.value.errors["target"]


@pytest.mark.parametrize("typed", ["abc", "inf", "nan", ""])
def test_text_that_is_no_number_is_refused(in_language, typed):
    in_language("fr")
    with pytest.raises(FormErrors) as refused:
        kpi_units.target_from_form("priority_reply_rate", typed)
    assert refused.value.errors == {"target": "Saisissez un nombre."}


@pytest.mark.parametrize(
    ("language", "metric", "stored", "shown"),
    [
        ("en", "priority_reply_rate", 0.8, "80%"),
        ("fr", "priority_reply_rate", 0.8, "80\xa0%"),
        ("en", "time_to_first_response_s", 330, "5.5 min"),
        ("fr", "time_to_first_response_s", 330, "5,5 min"),
        ("fr", "final_sentiment", 0.25, "0,25"),
    ],
)
def test_a_target_reads_in_per_cent_or_minutes(in_language, language, metric, stored, shown):
    in_language(language)
    assert kpi_units.target_text(metric, stored) == shown


@given(
    language=st.sampled_from(i18n.LANGUAGES),
    metric=st.sampled_from(["priority_reply_rate", "checklist_on_time_rate"]),
    percent=st.integers(min_value=0, max_value=1000).map(lambda n: n / 10),
)
def test_a_share_round_trips_through_the_form(language, metric, percent):
    token = i18n.current_language.set(language)
    try:
        typed = str(percent).replace(".", ",") if language == "fr" else str(percent)
        stored = kpi_units.target_from_form(metric, typed)
        assert stored == pytest.approx(percent / 100)
        assert kpi_units.target_from_form(metric, kpi_units.target_for_form(metric, stored)) == (
            pytest.approx(stored)
        )
    finally:
        i18n.current_language.reset(token)


@given(
    language=st.sampled_from(i18n.LANGUAGES),
    seconds=st.integers(min_value=6, max_value=7 * 24 * 3600).map(lambda s: s - s % 6),
)
def test_a_time_round_trips_through_the_form_in_minutes(language, seconds):
    token = i18n.current_language.set(language)
    try:
        typed = kpi_units.target_for_form("median_reply_latency_s", seconds)
        assert kpi_units.target_from_form("median_reply_latency_s", typed) == pytest.approx(seconds)
    finally:
        i18n.current_language.reset(token)


@pytest.fixture
def author(client, factory):
    org = factory.org()
    user = factory.member(org, Role.author)
    sign_in(client, user)
    return org


def test_the_kpi_form_takes_per_cent_and_shows_it_back(client, session, author):
    plan = make_plan(session, author)
    response = client.post(
        f"/plans/{plan.id}/kpis",
        data={"metric": "priority_reply_rate", "target": "80", "weight": "1"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    [kpi] = items.list_items(session=session, plan=plan, section=SECTIONS["kpis"])
    assert kpi.target == pytest.approx(0.8)
    form = client.get(f"/plans/{plan.id}/kpis/{kpi.id}")
    assert by_id(form.text, "f-target").get("value") == "80"
    listed = by_id(client.get(f"/plans/{plan.id}").text, "section-kpis").text
    assert "Priority posts answered in time" in listed and "80%" in listed


def test_the_kpi_form_refuses_a_share_past_100_beside_the_field(client, session, author):
    plan = make_plan(session, author)
    response = client.post(
        f"/plans/{plan.id}/kpis", data={"metric": "priority_reply_rate", "target": "120"}
    )
    assert response.status_code == 422
    assert "0 to 100" in by_id(response.text, "f-target-error").text
    assert by_id(response.text, "f-target").get("value") == "120"
    assert items.list_items(session=session, plan=plan, section=SECTIONS["kpis"]) == []
