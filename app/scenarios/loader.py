"""Load a scenario file and report every problem as `file:line: field.path: message`.

The YAML is composed with a SafeLoader bounded by app.core.limits (no aliases, bounded nesting,
size and value count) so each node keeps its line; schema errors from pydantic and the
cross-field checks of `app.scenarios.checks` are then mapped back to the line of the field
they name.
"""

import difflib
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from app.core import limits
from app.scenarios.checks import cross_check
from app.scenarios.messages import N_
from app.scenarios.models import CONDITION_KINDS, Scenario
from app.scenarios.schema_errors import schema_message

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a scenario file, located by line and field path."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return self.located(self.message)

    def located(self, message: str) -> str:
        """`file:line: path: message`, with `message` for the problem's own (in another
        language)."""
        return f"{self.file}:{self.line}: {self.path}: {message}"


class ScenarioError(ValueError):
    """A scenario file that cannot be used; `problems` lists everything found."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


def load_file(path: Path, *, name: str | None = None) -> Scenario:
    """The scenario in `path`, or ScenarioError listing all its problems (`name` labels it)."""
    label = name or str(path)
    try:
        with path.open("rb") as stream:
            text = stream.read(limits.MAX_DOCUMENT_BYTES + 1).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError([Problem(label, 1, "(file)", f"cannot read: {error}")]) from None
    return parse_scenario(text, label=label, stem=path.stem)


def parse_scenario(text: str, *, label: str, stem: str | None = None) -> Scenario:
    """Parse YAML `text` into a Scenario, checking its id against the file `stem` if given."""
    try:
        limits.check_size(text)
        loader = limits.LimitedLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except limits.LimitExceeded as error:
        raise ScenarioError([Problem(label, 1, f"({error.limit})", error.message)]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = " ".join(str(part) for part in (error.context, error.problem) if part)
        raise ScenarioError([Problem(label, line, "(yaml)", message or str(error))]) from None
    except yaml.YAMLError as error:
        raise ScenarioError([Problem(label, 1, "(yaml)", str(error))]) from None
    if not isinstance(data, dict):
        found = (
            N_("the file is empty")
            if data is None
            else N_("found %(type)s", type=type(data).__name__)
        )
        raise ScenarioError(
            [Problem(label, 1, "(root)", N_("expected a mapping; %(found)s", found=found))]
        )
    return validate_data(data, label=label, stem=stem, lines=LineMap(node))


def validate_data(
    data: dict[str, Any], *, label: str, stem: str | None = None, lines: "LineMap | None" = None
) -> Scenario:
    """A Scenario from decoded data, with the same checks as a file; `lines` locates problems.

    Without `lines` (data that came from a form or JSON, not a file) every problem is at line 1
    and named by its field path alone.
    """
    lines = lines or LineMap(None)
    problems = [lines.problem(label, loc, message) for loc, message in lines.duplicates]
    if stem is not None and data.get("id") != stem:
        message = N_("id %(id)r must equal the file name (%(stem)r)", id=data.get("id"), stem=stem)
        problems.append(lines.problem(label, ("id",), message))
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems += [
            lines.problem(label, _loc(detail), _message(detail)) for detail in error.errors()
        ]
        raise ScenarioError(sorted(problems)) from None
    problems += [lines.problem(label, loc, message) for loc, message in cross_check(scenario)]
    if problems:
        raise ScenarioError(sorted(problems))
    return scenario


class LineMap:
    """The line (1-based) of every field path in a composed YAML document."""

    def __init__(self, root: yaml.Node | None) -> None:
        self.lines: dict[Loc, int] = {(): root.start_mark.line + 1 if root else 1}
        self.duplicates: list[tuple[Loc, str]] = []
        if root is not None:
            self._walk(root, ())

    def _walk(self, node: yaml.Node, loc: Loc) -> None:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                child = (*loc, str(key.value))
                if key.value in seen:
                    self.duplicates.append((child, N_("key %(key)r appears twice", key=key.value)))
                seen.add(key.value)
                self.lines[child] = key.start_mark.line + 1
                self._walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.lines[(*loc, index)] = item.start_mark.line + 1
                self._walk(item, (*loc, index))

    def line(self, loc: Loc) -> int:
        """The line of `loc`, or of its nearest ancestor present in the file."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def problem(self, label: str, loc: Loc, message: str) -> Problem:
        """A Problem at the line of `loc`."""
        path = ".".join(str(part) for part in loc) or "(root)"
        return Problem(label, self.line(loc), path, message)


def _loc(detail: ErrorDetails) -> Loc:
    """The field path of an error as the document writes it: without pydantic's `[key]` and
    the tag it adds after a condition (`when.fact_denied.fact` is `when.fact`)."""
    loc = detail["loc"]
    return tuple(
        part
        for index, part in enumerate(loc)
        if part != "[key]" and not (index and loc[index - 1] == "when" and part in CONDITION_KINDS)
    )


def _message(detail: ErrorDetails) -> str:
    kind, loc = detail["type"], _loc(detail)
    if kind == "missing":
        return N_("missing field")
    if kind == "extra_forbidden":
        allowed = ", ".join(_fields_at(loc[:-1]))
        guess = difflib.get_close_matches(str(loc[-1]), _fields_at(loc[:-1]), n=1)
        if guess:
            hint = N_("did you mean %(guess)r? ", guess=guess[0])
            return N_("unknown field (%(hint)sallowed: %(allowed)s)", hint=hint, allowed=allowed)
        return N_("unknown field (allowed: %(allowed)s)", allowed=allowed)
    message = schema_message(detail)
    value = detail.get("input")
    if "[key]" in detail["loc"]:
        return N_("unknown key %(key)r: %(problem)s", key=value, problem=message)
    if isinstance(value, str | int | float):
        shown = repr(value)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return N_("%(problem)s (got %(got)s)", problem=message, got=shown)
    return message


def _fields_at(loc: Loc) -> list[str]:
    """The field names the model accepts at `loc` (for 'did you mean' hints)."""
    annotation: Any = Scenario
    for part in loc:
        annotation = _unwrap(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            field = annotation.model_fields.get(str(part))
            if field is None:
                return []
            annotation = field.annotation
        else:
            args = typing.get_args(annotation)
            annotation = args[-1] if args else None
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """The model inside `X | None`, leaving lists and dicts for the caller to step into."""
    while typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation
