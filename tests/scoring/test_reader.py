"""A report read in the other language: same scores and evidence, the reader's words."""

import pytest

from app.scoring.core import parse_record, score_record
from app.scoring.core.context import Context
from app.scoring.core.findings import format_value
from app.scoring.core.phrases import CRITICAL, IMPROVEMENTS, NOTES, STRENGTHS
from app.scoring.core.reader import for_reader
from tests.scoring.records import FIXTURES, fixture

OTHER = {"en": "fr", "fr": "en"}


def scored(name: str):
    return score_record(parse_record(fixture(name)))


def sentence_shapes(table: dict, language: str) -> list[str]:
    """The fixed start of each sentence of a table (up to its first placeholder)."""
    return [text.split("{")[0] for text in table[language].values()]


@pytest.mark.parametrize("name", FIXTURES)
def test_the_findings_say_the_same_thing_in_the_readers_language(name):
    report = scored(name)
    reader = OTHER[report.language]
    read = for_reader(report, reader)
    assert [(f.kind, f.metric, f.dimension, f.evidence) for f in read.findings] == [
        (f.kind, f.metric, f.dimension, f.evidence) for f in report.findings
    ]
    assert (read.overall, read.rating, read.language) == (report.overall, report.rating, reader)
    shapes = sentence_shapes(STRENGTHS, reader) + sentence_shapes(IMPROVEMENTS, reader)
    shapes += sentence_shapes(CRITICAL, reader)
    assert all(any(f.text.startswith(s) for s in shapes) for f in read.findings)
    assert report.findings and not {f.text for f in report.findings} & {
        f.text for f in read.findings
    }
    assert all(note in NOTES[reader].values() for note in read.notes if note not in report.notes)


@pytest.mark.parametrize("name", FIXTURES)
def test_reading_back_in_the_records_language_gives_the_report_again(name):
    record = parse_record(fixture(name))
    report, subjects = score_record(record), Context(record, None).subjects
    there = for_reader(report, OTHER[report.language], subjects)
    assert for_reader(there, report.language, subjects) == report
    assert for_reader(report, report.language) is report


@pytest.mark.parametrize(
    ("name", "value", "language", "shown"),
    [
        ("final_sentiment", 0.25, "fr", "+0,25"),
        ("final_sentiment", 0.25, "en", "+0.25"),
        ("peak_anger", 0.5, "fr", "0,50"),
        ("priority_reply_rate", 0.8, "fr", "80 %"),
    ],
)
def test_finding_values_follow_the_readers_number_format(name, value, language, shown):
    assert format_value(name, value, language) == shown
