"""The drill record, version 1: pydantic models and a parser whose errors name the field's path."""

from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

FORMAT = "stormdrill.drill-record/1"
# Bounds that keep scoring one record a bounded amount of work (README, "Limits").
MAX_ACTIONS = 5_000
MAX_ITEMS = 1_000
MAX_TEXT = 20_000
MAX_TIME_S = 7 * 24 * 3600.0
# Numbers and booleans are taken as JSON writes them: "300", true or "yes" are not coerced into
# a time or a flag, so a record another tool got wrong is refused naming the field.
Number = Annotated[float, Strict()]
Whole = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]
Text = Annotated[str, Field(max_length=MAX_TEXT)]
Seconds = Annotated[Number, Field(ge=0, le=MAX_TIME_S)]
KEY_MESSAGE_KINDS = ("holding", "apology", "update", "rumour_correction", "resolution", "other")
ActionKind = Literal[
    "statement",
    "reply",
    "correct_rumour",
    "flag_rumour",
    "escalate",
    "request_approval",
    "approve",
    "reject",
    "checklist_done",
    "note",
]
ACTION_KINDS: tuple[str, ...] = get_args(ActionKind)
PUBLIC_KINDS = frozenset({"statement", "reply", "correct_rumour"})
# The fields each action kind needs beyond at_s and kind; a tuple means "one of these".
REQUIRED_BY_KIND: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "statement": ("text",),
    "reply": ("text", "in_reply_to"),
    "correct_rumour": ("rumour", "text"),
    "flag_rumour": (("rumour", "post"),),
    "escalate": ("to_role",),
    "request_approval": ("text", "ref"),
    "approve": ("ref",),
    "reject": ("ref",),
    "checklist_done": ("item",),
    "note": ("text",),
}


class _Model(BaseModel):
    """Readers ignore fields they do not know, as the format requires."""

    model_config = ConfigDict(extra="ignore", frozen=True, allow_inf_nan=False)


class Role(_Model):
    """A plan role: who may publish, who approves."""

    id: str
    name: Text
    can_publish: Flag = False
    approves: Flag = False


class KeyMessage(_Model):
    """A key message template of the plan."""

    id: str
    kind: Literal["holding", "apology", "update", "rumour_correction", "resolution", "other"]
    text: Text
    audience: str | None = None


class ChecklistItem(_Model):
    """An action of the plan's checklist, with its owner role and deadline."""

    id: str
    title: Text
    owner: str | None = None
    due_s: Seconds | None = None


class Kpi(_Model):
    """A plan indicator: a catalogue metric, its target and its weight."""

    metric: str
    target: Number
    weight: Number | None = Field(default=None, ge=0)


class Plan(_Model):
    """The plan snapshot the drill was run against."""

    roles: list[Role] = Field(default=[], max_length=MAX_ITEMS)
    key_messages: list[KeyMessage] = Field(max_length=MAX_ITEMS)
    checklist: list[ChecklistItem] = Field(default=[], max_length=MAX_ITEMS)
    kpis: list[Kpi] = Field(default=[], max_length=MAX_ITEMS)
    approval_required: Flag = False


class Fact(_Model):
    """Something true in the scenario."""

    id: str
    text: Text


class Rumour(_Model):
    """Something false that spreads, from a given time."""

    id: str
    claim: Text
    appears_at_s: Seconds


class Inject(_Model):
    """A scripted event of the scenario, perhaps expecting a response."""

    id: str
    at_s: Seconds
    channel: str
    actor: str | None = None
    text: Text
    expects_response: Flag
    deadline_s: Seconds | None = None
    rumour: str | None = None  # the rumour it carries: its correction answers the inject


class Scenario(_Model):
    """The scenario, inline or as a reference to the library (then only `id`)."""

    id: str
    title: Text | None = None
    severity: Whole | None = Field(default=None, ge=1, le=4)
    duration_s: Number | None = Field(default=None, gt=0, le=MAX_TIME_S)
    facts: list[Fact] = Field(default=[], max_length=MAX_ITEMS)
    rumours: list[Rumour] = Field(default=[], max_length=MAX_ITEMS)
    injects: list[Inject] = Field(default=[], max_length=MAX_ITEMS)
    crisis_type: str | None = None
    responsibility: Literal["victim", "accident", "preventable"] | None = None


class Action(_Model):
    """One team action; which extra fields it needs depends on its kind."""

    at_s: Seconds
    kind: ActionKind
    role: str | None = None
    text: Text | None = None
    in_reply_to: str | None = None
    rumour: str | None = None
    post: str | None = None
    to_role: str | None = None
    ref: str | None = None
    item: str | None = None
    audience: str | None = None


class OutcomePoint(_Model):
    """The audience at one minute of the drill."""

    minute: Whole = Field(ge=0)
    sentiment: Number = Field(ge=-1, le=1)
    anger: Number | None = Field(default=None, ge=0, le=1)


class AudienceOutcome(_Model):
    """What the storm's audience model says happened; `recovery_s` None means no recovery."""

    final_sentiment: Number = Field(ge=-1, le=1)
    peak_anger: Number = Field(ge=0, le=1)
    recovery_s: Seconds | None = None
    series: list[OutcomePoint] = Field(default=[], max_length=MAX_ITEMS * 20)


class DrillRecord(_Model):
    """A whole drill: enough to score it again, anywhere."""

    format: Literal["stormdrill.drill-record/1"]
    language: Literal["fr", "en"]
    brand: Text
    plan: Plan
    scenario: Scenario
    seed: Whole | None = Field(default=None, ge=-(2**31), le=2**31 - 1)
    duration_s: Number | None = Field(default=None, gt=0, le=MAX_TIME_S)
    actions: list[Action] = Field(max_length=MAX_ACTIONS)
    audience_outcome: AudienceOutcome | None = None


class RecordError(ValueError):
    """An invalid record; `path` names the bad or missing field (`plan.key_messages[2].kind`)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def json_path(loc: tuple[Any, ...]) -> str:
    """A pydantic location as a JSON path: ('plan', 'key_messages', 2) -> plan.key_messages[2]."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path or "(root)"


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _check_action_fields(actions: list[Action]) -> None:
    """Refuse an action lacking a field its kind needs; blank text is no text."""
    for index, action in enumerate(actions):
        for needed in REQUIRED_BY_KIND[action.kind]:
            options = needed if isinstance(needed, tuple) else (needed,)
            if all(_blank(getattr(action, name)) for name in options):
                raise RecordError(
                    f"actions[{index}].{options[0]}",
                    f"required for a {action.kind} action"
                    + (f" (or {', '.join(options[1:])})" if len(options) > 1 else ""),
                )


def parse_record(data: Any) -> DrillRecord:
    """Validate a decoded JSON document as a drill record, or raise RecordError naming the path."""
    try:
        record = DrillRecord.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise RecordError(json_path(tuple(first["loc"])), first["msg"]) from None
    _check_action_fields(record.actions)
    return record


def parse_outcome(data: Any) -> AudienceOutcome:
    """Validate an audience outcome given beside a record, naming the bad field's path."""
    try:
        return AudienceOutcome.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise RecordError(json_path(("audience_outcome", *first["loc"])), first["msg"]) from None
