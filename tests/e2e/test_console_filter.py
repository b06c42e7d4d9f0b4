"""The console-error filter lets only the application's designed 409/422 answers through."""

import pytest

from tests.e2e.conftest import EXPECTED_ANSWER


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Failed to load resource: the server responded with a status of 422 (Unprocessable)",
            True,
        ),
        ("Failed to load resource: the server responded with a status of 409 (Conflict)", True),
        ("Failed to load resource: the server responded with a status of 404 (Not Found)", False),
        ("Failed to load resource: the server responded with a status of 500 ()", False),
        ("Uncaught TypeError: x is undefined", False),
    ],
)
def test_only_designed_answers_are_expected(line, expected):
    assert bool(EXPECTED_ANSWER.match(line)) is expected
