"""Form: unfilled placeholders, near-duplicates, bursts."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.analysis import analyse, near_duplicate, spam_bursts
from app.analysis.tokens import fold
from tests.analysis.frames import EN


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("We are aware of a problem at {brand}.", ["{brand}"]),
        ("Next update at [TIME], from [NOM DE LA MARQUE].", ["[TIME]", "[NOM DE LA MARQUE]"]),
        ("Prochain point à XX:XX.", ["XX:XX"]),
        ("Next update at 3pm (see [1]).", []),
        ("[UPDATE] Batch L2304: no illness reported. [THREAD] 1/2", []),
        (
            "[MISE À JOUR] Service rétabli. Appelez le [NUMÉRO DE TÉLÉPHONE].",
            ["[NUMÉRO DE TÉLÉPHONE]"],
        ),
        ("We will update you at 3pm.", []),
    ],
)
def test_unfilled_placeholders_are_found(text, slots):
    assert [s.text for s in analyse(text, EN).placeholders] == slots


def test_a_near_duplicate_points_at_the_post_it_repeats():
    earlier = [fold("Batch L2304 may contain listeria. Do not eat it."), fold("Thank you.")]
    assert near_duplicate(fold("Batch L2304 may contain listeria! Do not eat it"), earlier) == 0
    assert near_duplicate(fold("No illness has been reported."), earlier) is None


def test_posts_beyond_five_in_ten_minutes_are_a_burst():
    assert spam_bursts([0, 60, 120, 180, 240, 300, 360]) == {5, 6}
    assert spam_bursts([0, 700, 1400, 2100, 2800, 3500, 4200]) == set()


@given(st.lists(st.floats(0, 7200), max_size=40))
def test_a_burst_never_flags_the_first_five_posts_of_a_window(times):
    times = sorted(times)
    flagged = spam_bursts(times)
    assert all(index >= 5 for index in flagged)
    assert len(flagged) <= max(0, len(times) - 5)
