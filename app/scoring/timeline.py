"""A drill's review timeline: per-minute post volume and mood, with actions and injects marked.

Posts are streamed from the storm and counted into minute buckets as they go, so a drill of
500,000 posts never holds them in memory.
"""

import heapq
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from app.storm.engine import Storm
from app.storm.types import Action, Post

STEP_S = 60
DETAIL_FIELDS = ("in_reply_to", "rumour", "ref", "to_role", "item", "post")
NOTABLE_POSTS = 60


class NotablePosts:
    """The posts a trainer would annotate: the most engaged ones, and every one the team
    answered or flagged, kept while the storm streams by (a bounded heap, never the feed)."""

    def __init__(self, answered: set[str], keep: int = NOTABLE_POSTS) -> None:
        self.answered = answered
        self.keep = keep
        self.top: list[tuple[int, int, str, Post]] = []
        self.found: dict[str, Post] = {}

    def watch(self, posts: Iterable[Post]) -> Iterator[Post]:
        """Pass the posts through, noting the notable ones."""
        for post in posts:
            if post.id in self.answered:
                self.found[post.id] = post
            entry = (post.likes_max + post.reposts_max, -post.at_ms, post.id, post)
            if len(self.top) < self.keep:
                heapq.heappush(self.top, entry)
            elif entry[:3] > self.top[0][:3]:
                heapq.heapreplace(self.top, entry)
            yield post

    def rows(self) -> list[dict[str, Any]]:
        """The notable posts in time order, as the review's annotation form lists them."""
        posts = {post.id: post for *_rank, post in self.top} | self.found
        return [
            {
                "id": post.id,
                "at_s": post.at_s,
                "name": post.author.name,
                "handle": post.author.handle,
                "text": post.text,
                "engagement": post.likes_max + post.reposts_max,
                "answered": post.id in self.answered,
            }
            for post in sorted(posts.values(), key=lambda p: (p.at_ms, p.id))
        ]


def bucket_posts(posts: Iterable[Post], minutes: int) -> dict[str, list[int]]:
    """Posts per minute, and how many of them are negative, counted while streaming."""
    volume, negative = [0] * minutes, [0] * minutes
    last = minutes - 1
    for post in posts:
        minute = min(post.at_ms // 60_000, last)
        volume[minute] += 1
        if post.sentiment == "negative":
            negative[minute] += 1
    return {"volume": volume, "negative": negative}


def action_markers(actions: Sequence[dict]) -> list[dict[str, Any]]:
    """The record's actions (full text kept) with the evidence id the score report uses."""
    return [
        {
            "id": f"action:{index}",
            "at_s": action["at_s"],
            "kind": action["kind"],
            "role": action.get("role"),
            "text": action.get("text") or "",
            "detail": {k: action[k] for k in DETAIL_FIELDS if action.get(k)},
        }
        for index, action in enumerate(actions)
    ]


def inject_markers(injects: Sequence[dict]) -> list[dict[str, Any]]:
    """The record's injects as markers."""
    return [
        {
            "id": inject["id"],
            "at_s": inject["at_s"],
            "actor": inject.get("actor") or "",
            "channel": inject.get("channel") or "",
            "text": inject.get("text") or "",
            "expects_response": bool(inject.get("expects_response")),
            "fired_because": inject.get("fired_because") or "",
        }
        for inject in injects
    ]


def build_timeline(
    *,
    storm: Storm,
    storm_actions: Sequence[Action],
    record: dict,
    duration_s: float,
    fired: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The cached timeline of a review: minute series, audience mood, action and inject marks.

    `fired`: the scenario injects fired early (id → second), as the drill's feed had them."""
    minutes = max(1, math.ceil(duration_s / STEP_S))
    answered = {
        str(action[key])
        for action in record["actions"]
        for key in ("in_reply_to", "post")
        if action.get(key)
    }
    notable = NotablePosts(answered)
    counts = bucket_posts(notable.watch(storm.stream(storm_actions, 0, duration_s, fired)), minutes)
    audience = storm.audience_series(storm_actions, until_s=(minutes - 1) * STEP_S, step_s=STEP_S)
    return {
        "step_s": STEP_S,
        "duration_s": duration_s,
        "minutes": list(range(minutes)),
        **counts,
        "sentiment": [round(point.sentiment, 4) for point in audience],
        "anger": [round(point.anger, 4) for point in audience],
        "actions": action_markers(record["actions"]),
        "injects": inject_markers(record["scenario"].get("injects", [])),
        "posts": notable.rows(),
    }
