"""Canonical JSON for posts: the byte-for-byte form determinism is checked against.

Assembled by hand (orjson is not available and `json.dumps` of a dict costs more than the post
itself): strings go through the C-accelerated `encode_basestring`, authors are encoded once.
"""

from json.encoder import encode_basestring

from app.storm.types import Author, Post

# Keyed by id() with the author kept alive in the entry, so an id is never reused while cached;
# hashing the frozen dataclass itself would cost more than encoding it.
_authors: dict[int, tuple[Author, str]] = {}


def author_json(author: Author) -> str:
    """An author as a JSON object (cached: authors recur)."""
    entry = _authors.get(id(author))
    if entry is not None and entry[0] is author:
        return entry[1]
    if len(_authors) > 50_000:
        _authors.clear()
    found = (
        f'{{"name":{encode_basestring(author.name)},"handle":{encode_basestring(author.handle)},'
        f'"persona":"{author.persona}","followers":{author.followers},'
        f'"verified":{"true" if author.verified else "false"}}}'
    )
    _authors[id(author)] = (author, found)
    return found


_NULLS = '"reply_to":null,"quote_of":null,"rumour":null,"inject":null,"reacts_to":null,'
_middles: dict[tuple[str, str, str], str] = {}


def _optional(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def post_json(post: Post, extra: str = "") -> str:
    """A post as one line of canonical JSON; `extra` is appended inside the object as is.

    Built from cached fragments: the author, the (language, sentiment, kind) run, and the run of
    null references most posts have.
    """
    author = post.author
    entry = _authors.get(id(author))
    author_text = entry[1] if entry is not None and entry[0] is author else author_json(author)
    key = (post.language, post.sentiment, post.kind)
    middle = _middles.get(key)
    if middle is None:
        middle = _middles[key] = '"language":"{}","sentiment":"{}","kind":"{}",'.format(*key)
    reply_to, quote_of, rumour, inject, reacts_to = (
        post.reply_to,
        post.quote_of,
        post.rumour,
        post.inject,
        post.reacts_to,
    )
    if reply_to is None and quote_of is None and rumour is None and inject is None:
        references = _NULLS if reacts_to is None else None
    else:
        references = None
    if references is None:
        references = (
            f'"reply_to":{_optional(reply_to)},"quote_of":{_optional(quote_of)},'
            f'"rumour":{_optional(rumour)},"inject":{_optional(inject)},'
            f'"reacts_to":{_optional(reacts_to)},'
        )
    return (
        f'{{"id":"{post.id}","at_ms":{post.at_ms},"author":{author_text},'
        f'"text":{encode_basestring(post.text)},{middle}{references}'
        f'"likes_max":{post.likes_max},"reposts_max":{post.reposts_max}{extra}}}'
    )
