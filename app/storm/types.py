"""The plain values the storm engine takes and returns: actions in; authors, posts, audience out."""

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.record import ACTION_KINDS, PUBLIC_KINDS  # the drill-record format


@dataclass(frozen=True)
class Action:
    """One action of the team, in the drill-record's action format (only public ones matter)."""

    at_s: float
    kind: str
    text: str = ""
    in_reply_to: str | None = None
    rumour: str | None = None
    id: str | None = None

    @property
    def public(self) -> bool:
        """Whether the audience sees it (a statement, a reply or a rumour correction)."""
        return self.kind in PUBLIC_KINDS

    @property
    def ref(self) -> str:
        """The id posts use to reply to or quote this action: given, or derived from its content."""
        if self.id:
            return self.id
        digest = zlib.crc32(f"{self.kind}\0{self.text}".encode()) & 0xFFFF
        return f"a-{round(self.at_s * 1000)}-{digest:04x}"


def action_from_record(record: Mapping[str, object]) -> Action:
    """An Action from a drill-record action object; raises ValueError naming a bad field."""
    if "at_s" not in record or "kind" not in record:
        raise ValueError("an action needs `at_s` and `kind`")
    kind = str(record["kind"])
    if kind not in ACTION_KINDS:
        raise ValueError(f"unknown action kind {kind!r}")
    try:
        at_s = float(record["at_s"])  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"`at_s` is not a number: {record['at_s']!r}") from None
    if at_s < 0:
        raise ValueError("`at_s` cannot be negative")

    def optional(key: str) -> str | None:
        value = record.get(key)
        return None if value is None else str(value)

    return Action(
        at_s=at_s,
        kind=kind,
        text=str(record.get("text") or ""),
        in_reply_to=optional("in_reply_to"),
        rumour=optional("rumour"),
        id=optional("id"),
    )


@dataclass(frozen=True)
class Author:
    """Who posts: drawn once per drill from the locale's pools, then recurring."""

    name: str
    handle: str
    persona: str
    followers: int
    verified: bool


@dataclass(frozen=True)
class Post:
    """One generated post. Likes and reposts grow with time: see `engagement_at`."""

    id: str
    at_ms: int
    author: Author
    text: str
    language: str
    sentiment: str
    kind: str
    reply_to: str | None = None
    quote_of: str | None = None
    rumour: str | None = None
    inject: str | None = None
    reacts_to: str | None = None
    likes_max: int = 0
    reposts_max: int = 0

    @property
    def at_s(self) -> float:
        """The post's time in seconds since the drill started."""
        return self.at_ms / 1000


POST_FIELDS = tuple(Post.__dataclass_fields__)


def _share_keys() -> None:
    """Put every field in the key table that CPython shares between the instance dicts of Post.

    The table grows with the first instance dicts: once an instance adds a key out of turn, a
    later one adding a key the table lacks gets a dict of its own (three times larger, and a
    resize for every post). The engine and its replies set different optional fields, so one
    instance made here, with them all, keeps every post on the shared table.
    """
    values = object.__new__(Post).__dict__
    for name in POST_FIELDS:
        values[name] = None


_share_keys()


@dataclass(frozen=True)
class Audience:
    """The audience model's state at one moment; `sentiment` runs from -1 (hostile) to 1."""

    t_s: float
    anger: float
    trust: float
    attention: float
    sentiment: float
    silent: bool
    responded: bool
    reach: Mapping[str, float] = field(default_factory=dict)
