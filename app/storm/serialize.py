"""Canonical JSON for posts: the byte-for-byte form determinism is checked against.

Assembled by hand (orjson is not available and `json.dumps` of a dict costs more than the post
itself): strings go through the C-accelerated `encode_basestring`, and what recurs is encoded
once and cached: authors, the (language, sentiment, kind) run and the run of null references
most posts have. Texts are not cached: no account repeats itself, so most texts are new, and a
cache would cost more in misses and memory than encoding them.
"""

import math
from collections.abc import Iterable, Iterator
from json.encoder import encode_basestring

from app.storm.engine import LIKES_TAU_MS, REPOSTS_TAU_MS
from app.storm.types import Author, Post

CACHE_LIMIT = 100_000
# Keyed by id() with the author kept alive in the entry, so an id is never reused while cached;
# hashing the frozen dataclass itself would cost more than encoding it.
_authors: dict[int, tuple[Author, str]] = {}
_middles: dict[str, dict[str, dict[str, str]]] = {}
_REQUIRED = 9  # id, at_ms, author, text, language, sentiment, kind, likes_max, reposts_max
_NULLS = '"reply_to":null,"quote_of":null,"rumour":null,"inject":null,"reacts_to":null,'
# The references run of a post whose only reference is its rumour (None: no reference at all).
_rumour_runs: dict[str | None, str] = {None: _NULLS}


def author_json(author: Author) -> str:
    """An author as a JSON object (cached: authors recur)."""
    entry = _authors.get(id(author))
    if entry is not None and entry[0] is author:
        return entry[1]
    if len(_authors) > CACHE_LIMIT:
        _authors.clear()
    found = (
        f'{{"name":{encode_basestring(author.name)},"handle":{encode_basestring(author.handle)},'
        f'"persona":"{author.persona}","followers":{author.followers},'
        f'"verified":{"true" if author.verified else "false"}}}'
    )
    _authors[id(author)] = (author, found)
    return found


def _middle(language: str, sentiment: str, kind: str) -> str:
    """The cached `"language":…,"sentiment":…,"kind":…,` run."""
    try:
        return _middles[language][sentiment][kind]
    except KeyError:
        by_sentiment = _middles.setdefault(language, {}).setdefault(sentiment, {})
        found = f'"language":"{language}","sentiment":"{sentiment}","kind":"{kind}",'
        by_sentiment[kind] = found
        return found


def _optional(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def _references(post: Post) -> str:
    """The reply_to … reacts_to run: cached when all are null, as for most posts."""
    reply_to, quote_of, rumour, inject, reacts_to = (
        post.reply_to,
        post.quote_of,
        post.rumour,
        post.inject,
        post.reacts_to,
    )
    if reply_to is None and quote_of is None and rumour is None and inject is None:
        if reacts_to is None:
            return _NULLS
    return (
        f'"reply_to":{_optional(reply_to)},"quote_of":{_optional(quote_of)},'
        f'"rumour":{_optional(rumour)},"inject":{_optional(inject)},'
        f'"reacts_to":{_optional(reacts_to)},'
    )


def _rumour_run(rumour: str) -> str:
    """The cached references run of a post that belongs to a rumour and references nothing else."""
    found = _rumour_runs.get(rumour)
    if found is None:
        found = _rumour_runs[rumour] = _NULLS.replace(
            '"rumour":null', f'"rumour":{_optional(rumour)}'
        )
    return found


def post_json(post: Post, extra: str = "") -> str:
    """A post as one line of canonical JSON; `extra` is appended inside the object as is."""
    author = post.author
    entry = _authors.get(id(author))
    author_text = entry[1] if entry is not None and entry[0] is author else author_json(author)
    return (
        f'{{"id":"{post.id}","at_ms":{post.at_ms},"author":{author_text},'
        f'"text":{encode_basestring(post.text)},'
        f"{_middle(post.language, post.sentiment, post.kind)}"
        f"{_references(post)}"
        f'"likes_max":{post.likes_max},"reposts_max":{post.reposts_max}{extra}}}'
    )


def jsonl_chunks(posts: Iterable[Post], now_s: float, batch: int = 4096) -> Iterator[bytes]:
    """Posts as UTF-8 JSON lines with `likes` and `reposts` at `now_s`, `batch` lines per chunk.

    `post_json(post, ',"likes":…,"reposts":…')` for each post, inlined: this loop runs for
    every post of a storm, so it reads the post's `__dict__` (the engine leaves fields at their
    default unset) and the caches directly, and formats each line once. Each line is encoded on
    its own and the chunk joined as bytes: one emoji in a `str` chunk would make the whole
    chunk four bytes per character, and joining and encoding it would cost more than the lines.
    """
    lines: list[bytes] = []
    append, now_ms, exp = lines.append, now_s * 1000, math.exp
    authors, middles, rumour_runs = _authors, _middles, _rumour_runs
    encode = encode_basestring
    for post in posts:
        d = post.__dict__
        at_ms, likes_max, reposts_max = d["at_ms"], d["likes_max"], d["reposts_max"]
        age_ms = now_ms - at_ms
        if age_ms > 0:
            likes = round(likes_max * (1 - exp(-age_ms / LIKES_TAU_MS)))
            reposts = round(reposts_max * (1 - exp(-age_ms / REPOSTS_TAU_MS)))
        else:
            likes = reposts = 0
        author = d["author"]
        entry = authors.get(id(author))
        author_text = entry[1] if entry is not None and entry[0] is author else author_json(author)
        text = encode(d["text"])
        language, sentiment, kind = d["language"], d["sentiment"], d["kind"]
        try:
            middle = middles[language][sentiment][kind]
        except KeyError:
            middle = _middle(language, sentiment, kind)
        # The nine fields read above are always set; any other is a reference the engine set.
        # Most posts have none, or only their rumour: those runs are cached.
        rumour = d.get("rumour")
        if rumour is None:
            references = _NULLS if len(d) == _REQUIRED else _references(post)
        elif len(d) == _REQUIRED + 1:
            references = rumour_runs.get(rumour) or _rumour_run(rumour)
        else:
            references = _references(post)
        append(
            f'{{"id":"{d["id"]}","at_ms":{at_ms},"author":{author_text},'
            f'"text":{text},{middle}{references}'
            f'"likes_max":{likes_max},"reposts_max":{reposts_max},'
            f'"likes":{likes},"reposts":{reposts}}}\n'.encode()
        )
        if len(lines) >= batch:
            yield b"".join(lines)
            lines.clear()
    if lines:
        yield b"".join(lines)
