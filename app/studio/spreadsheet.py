"""A scenario's injects as spreadsheet rows (the master scenario events list), both ways.

Pure: rows of cell values in, inject drafts (plain data in the scenario format) and the list of
problems out, each problem naming the spreadsheet's row number (the header is row 1) and the
column, in the reader's language. Nothing here reads files; `sheet_files` turns CSV and XLSX
into rows and back.

Cells are trimmed. A time is written `12m`, `1h05m`, `45s`, `0:12` (hours:minutes) or a whole
number of minutes; a spreadsheet's own time cells are read as such. Channels, personas and
priorities are read from their names in the file format or in either language; the export
writes the file format's names so that a sheet reads the same in any language.

A conditional inject's `condition` cell is its kind, then the id it is about after a colon:
`no_statement`, `rumour_uncorrected: rumour-id`, `fact_denied: fact-id`, `unanswered: inject-id`.
"""

import datetime
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from app.core.i18n import gettext as _
from app.drills import labels
from app.scenarios.models import (
    CONDITION_KINDS,
    CONDITION_TARGETS,
    Channel,
    Persona,
    Priority,
    format_duration,
    parse_duration,
)
from app.studio.msel import free_id

COLUMNS = (
    "id",
    "time",
    "channel",
    "actor",
    "persona",
    "handle",
    "outlet",
    "content_en",
    "content_fr",
    "response_expected",
    "deadline",
    "priority",
    "rumour",
    "condition",
)
REQUIRED = ("time", "channel", "actor", "persona", "content_en", "content_fr")
YES = {"yes", "y", "oui", "o", "true", "vrai", "1", "x"}
NO = {"", "no", "n", "non", "false", "faux", "0"}
_DEFAULTS = {"expects_response": False, "priority": "normal"}
_IDENTIFIER = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HANDLE = re.compile(r"^@?\w{1,30}$")
_CLOCK = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?$")


@dataclass(frozen=True)
class Problem:
    """What is wrong in one cell (or with the whole sheet when `row` is 0)."""

    row: int
    column: str
    message: str


def header_name(cell: Any) -> str:
    """A header cell as a column name: `Content EN` and `content-en` are `content_en`."""
    return re.sub(r"[\s-]+", "_", str(cell or "").strip().lower())


def cell_text(cell: Any) -> str:
    """A cell as trimmed text (whole numbers without `.0`, empty for nothing)."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _seconds(cell: Any) -> int:
    """A time cell as whole seconds; ValueError when it is not one."""
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, datetime.timedelta):
        return int(cell.total_seconds())
    if isinstance(cell, datetime.time):
        return cell.hour * 3600 + cell.minute * 60 + cell.second
    if isinstance(cell, int | float):
        if not float(cell).is_integer() or cell < 0:
            raise ValueError(cell)
        return int(cell) * 60
    text = cell_text(cell).removeprefix("T+").removeprefix("t+")
    if text.isdigit():
        return int(text) * 60
    clock = _CLOCK.match(text)
    if clock:
        hours, minutes, seconds = (int(part or 0) for part in clock.groups())
        return hours * 3600 + minutes * 60 + seconds
    seconds = parse_duration(text)
    assert isinstance(seconds, int)
    return seconds


def _choice(cell: Any, names: dict[str, str], values: list[str]) -> str | None:
    """The file-format value a cell names, by its value or its label in either language."""
    text = cell_text(cell).casefold()
    for value in values:
        if text in {value.casefold(), value.replace("_", " ").casefold()}:
            return value
    for value, label in names.items():
        if text == label.casefold():
            return value
    return None


class _RowReader:
    """Reads one row's cells into an inject draft, noting each problem by column."""

    def __init__(self, number: int, cells: dict[str, Any], problems: list[Problem]) -> None:
        self.number, self.cells, self.problems = number, cells, problems

    def fail(self, column: str, message: str) -> None:
        self.problems.append(Problem(self.number, column, message))

    def text(self, column: str) -> str:
        text = cell_text(self.cells.get(column))
        if column in REQUIRED and not text:
            self.fail(column, _("This cell is empty; it is needed."))
        return text

    def time(self, column: str) -> int | None:
        cell = self.cells.get(column)
        if column not in REQUIRED and not cell_text(cell):
            return None
        if not cell_text(cell):
            self.fail(column, _("This cell is empty; it is needed."))
            return None
        try:
            return _seconds(cell)
        except ValueError:
            self.fail(column, _("Write a time such as 12m, 1h05m, 0:12 or a number of minutes."))
            return None

    def choice(self, column: str, names: dict[str, str], values: list[str]) -> str | None:
        if not self.text(column):
            return None
        value = _choice(self.cells.get(column), names, values)
        if value is None:
            choices = ", ".join(names.get(v, v) for v in values)
            self.fail(column, _("Choose one of: %(choices)s.", choices=choices))
        return value

    def flag(self, column: str) -> bool:
        cell = self.cells.get(column)
        text = cell_text(cell).casefold() if not isinstance(cell, bool) else str(cell).casefold()
        if text not in YES | NO:
            self.fail(column, _("Write yes or no."))
        return text in YES

    def pattern(self, column: str, pattern: re.Pattern[str], message: str) -> str | None:
        text = self.text(column)
        if text and not pattern.match(text):
            self.fail(column, message)
        return text or None

    def condition(self, known: dict[str, Collection[str]]) -> dict[str, str] | None:
        """The `condition` cell as the format's `when`; `known` holds the ids of the rumours,
        facts and injects a condition may be about."""
        text = self.text("condition")
        if not text:
            return None
        kind, _colon, target = (part.strip() for part in text.partition(":"))
        kind = kind.casefold().replace(" ", "_")
        if kind not in CONDITION_KINDS:
            choices = ", ".join(CONDITION_KINDS)
            self.fail("condition", _("Start with one of: %(choices)s.", choices=choices))
            return None
        key = CONDITION_TARGETS.get(kind)
        if key is None:
            return {"kind": kind}
        if not target:
            self.fail(
                "condition", _("Write the id it is about after a colon: %(kind)s: id.", kind=kind)
            )
        elif target not in known[key]:
            self.fail("condition", _unknown_target(key, target))
        return {"kind": kind, key: target}


def _unknown_target(key: str, target: str) -> str:
    if key == "rumour":
        return _("The scenario has no rumour with the id %(id)s.", id=target)
    if key == "fact":
        return _("The scenario has no fact with the id %(id)s.", id=target)
    return _("Neither the scenario nor this sheet has an inject with the id %(id)s.", id=target)


def _draft(
    reader: _RowReader, *, duration: int, rumours: set[str], known: dict[str, Collection[str]]
) -> dict[str, Any]:
    at = reader.time("time")
    deadline = reader.time("deadline")
    expects = reader.flag("response_expected")
    if at is not None and at > duration:
        reader.fail("time", _("This time is after the end of the scenario."))
    if deadline is not None and at is not None and deadline <= at:
        reader.fail("deadline", _("The deadline must come after the inject’s time."))
    if expects and deadline is None and not reader.text("deadline"):
        reader.fail("deadline", _("An inject that expects a response needs a deadline."))
    rumour = reader.text("rumour") or None
    if rumour and rumour not in rumours:
        reader.fail("rumour", _("The scenario has no rumour with this id."))
    draft: dict[str, Any] = {
        "id": reader.pattern("id", _IDENTIFIER, _("Use lower-case letters, digits, - and _.")),
        "at": at,
        "channel": reader.choice("channel", labels.channels(), list(Channel)),
        "actor": {
            "name": reader.text("actor"),
            "persona": reader.choice("persona", labels.personas(), list(Persona)),
        },
        "content": {"en": reader.text("content_en"), "fr": reader.text("content_fr")},
        "expects_response": expects,
        "deadline": deadline,
        "priority": reader.choice("priority", labels.priorities(), list(Priority)) or "normal",
        "rumour": rumour,
        "when": reader.condition(known),
    }
    for key in ("handle", "outlet"):
        value = reader.text(key)
        if key == "handle" and value and not _HANDLE.match(value):
            reader.fail(key, _("A handle is up to 30 letters, digits or _, after an optional @."))
        if value:
            draft["actor"][key] = value
    return draft


def _header(row: list[Any], problems: list[Problem]) -> list[str]:
    names = [header_name(cell) for cell in row]
    known = ", ".join(COLUMNS)
    for index, name in enumerate(names):
        if name and name not in COLUMNS:
            problems.append(
                Problem(1, name, _("Unknown column; the columns are: %(columns)s.", columns=known))
            )
        elif name and name in names[:index]:
            problems.append(Problem(1, name, _("This column appears twice.")))
    for name in REQUIRED:
        if name not in names:
            problems.append(Problem(1, name, _("This column is missing.")))
    return names


def read_rows(
    rows: list[list[Any]],
    *,
    duration: int,
    rumours: set[str],
    facts: Collection[str] = (),
    injects: Collection[str] = (),
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The inject drafts of the rows (the first row names the columns) and every problem.

    Blank rows are skipped; a row without an id gets a free `inject-N`; an id used twice is a
    problem on its second row. A condition may be about the scenario's rumours and `facts`,
    and about its `injects` or any row's id.
    """
    problems: list[Problem] = []
    if not rows:
        return [], [Problem(0, "", _("The sheet is empty: its first row names the columns."))]
    names = _header(rows[0], problems)
    if "id" in names:
        row_ids = {
            cell_text(row[names.index("id")]) for row in rows[1:] if len(row) > names.index("id")
        }
    else:
        row_ids = set()
    known = {"rumour": rumours, "fact": facts, "inject": set(injects) | row_ids}
    drafts: list[dict[str, Any]] = []
    seen: set[str] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell_text(cell) for cell in row):
            continue
        cells = {name: cell for name, cell in zip(names, row, strict=False) if name in COLUMNS}
        reader = _RowReader(number, cells, problems)
        draft = _draft(reader, duration=duration, rumours=rumours, known=known)
        if draft["id"] is not None and draft["id"] in seen:
            problems.append(Problem(number, "id", _("This id is already used by an earlier row.")))
        seen.add(draft["id"])
        drafts.append(draft)
    if not drafts and not problems:
        problems.append(Problem(0, "", _("The sheet has no inject: only its header row.")))
    return drafts, problems


def injects_of(drafts: list[dict[str, Any]], taken: Collection[str] = ()) -> list[dict[str, Any]]:
    """The drafts as scenario injects: missing or `taken` ids replaced by free ones, fields at
    their default left out as the file format does."""
    used = set(taken)
    injects = []
    for draft in drafts:
        inject = {
            key: value
            for key, value in draft.items()
            if value is not None and not (key in _DEFAULTS and value == _DEFAULTS[key])
        }
        if inject.get("id") is None or inject["id"] in used:
            inject["id"] = free_id(used, inject.get("id") or "inject", 60)
        used.add(inject["id"])
        injects.append(inject)
    return injects


def rows_of(injects: list[dict[str, Any]]) -> list[list[Any]]:
    """The injects (scenario format) as rows under COLUMNS, header first."""
    rows: list[list[Any]] = [list(COLUMNS)]
    for inject in injects:
        actor = inject["actor"]
        deadline = inject.get("deadline")
        rows.append(
            [
                inject["id"],
                format_duration(inject["at"]),
                inject["channel"],
                actor["name"],
                actor["persona"],
                actor.get("handle") or "",
                actor.get("outlet") or "",
                inject["content"]["en"],
                inject["content"]["fr"],
                "yes" if inject.get("expects_response") else "no",
                format_duration(deadline) if deadline is not None else "",
                inject.get("priority") or "normal",
                inject.get("rumour") or "",
                condition_text(inject.get("when")),
            ]
        )
    return rows


def condition_text(when: dict[str, str] | None) -> str:
    """A `when` as its `condition` cell: `rumour_uncorrected: rumour-id`."""
    if not when:
        return ""
    key = CONDITION_TARGETS.get(when["kind"])
    return f"{when['kind']}: {when[key]}" if key else when["kind"]
