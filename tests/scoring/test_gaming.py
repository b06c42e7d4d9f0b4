"""The gaming suite: for each kind of cheat, the honest log of the same scenario scores higher."""

import pytest

from app.scoring.core import parse_record, score_record
from tests.scoring.gaming import cheats, record_with
from tests.scoring.records import fixture

MARGIN = 5.0  # overall points the honest log must lead by
BASES = ("good-drill-en", "french-drill-fr")
CASES = [(base, name) for base in BASES for name in cheats(base)]


def score(base: str, actions: list[dict]):
    return score_record(parse_record(record_with(base, actions)))


@pytest.mark.parametrize(("base", "name"), CASES, ids=[f"{b}:{n}" for b, n in CASES])
def test_the_honest_log_beats_the_cheat_with_a_margin(base, name):
    honest = score(base, fixture(base)["actions"])
    cheat, _critical = cheats(base)[name]
    cheated = score(base, cheat)
    assert honest.overall >= cheated.overall + MARGIN, (honest.overall, cheated.overall)


@pytest.mark.parametrize(
    ("base", "name"),
    [c for c in CASES if cheats(c[0])[c[1]][1]],
    ids=[f"{b}:{n}" for b, n in CASES if cheats(b)[n][1]],
)
def test_a_critical_error_rates_u_or_m_and_names_its_evidence(base, name):
    report = score(base, cheats(base)[name][0])
    assert report.rating in ("U", "M")
    assert report.critical_errors
    assert all(error.evidence for error in report.critical_errors)
