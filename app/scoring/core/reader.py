"""A score report's words written again for its reader: same scores, the reader's language.

The report is written in the record's language (the drill's); a trainer reading it in the other
language gets the findings, critical errors and notes from the same metrics in theirs.
"""

from app.scoring.core.findings import findings
from app.scoring.core.gate import critical_text
from app.scoring.core.phrases import NOTES
from app.scoring.core.report import ScoreReport
from app.scoring.core.scorer import NOT_ASSESSED_NOTE


def for_reader(
    report: ScoreReport, language: str, subjects: dict[str, str] | None = None
) -> ScoreReport:
    """`report` with its words in `language`; the report itself when it is already so.
    `subjects` words the claims the findings name, as the scorer had them."""
    if language == report.language or language not in NOTES:
        return report
    written, wanted = NOTES[report.language], NOTES[language]
    errors = [
        error.model_copy(
            update={"text": critical_text(error.kind, error.evidence, language, subjects)}
        )
        for error in report.critical_errors
    ]
    dimensions = {}
    for name, dimension in report.dimensions.items():
        key = NOT_ASSESSED_NOTE.get(name)
        if key and dimension.note == written[key]:
            dimension = dimension.model_copy(update={"note": wanted[key]})
        dimensions[name] = dimension
    by_text = {text: wanted[key] for key, text in written.items()}
    notes = [by_text.get(note, note) for note in report.notes]
    return report.model_copy(
        update={
            "language": language,
            "dimensions": dimensions,
            "critical_errors": errors,
            "findings": findings(dimensions, language, errors, subjects),
            "notes": notes,
        }
    )
