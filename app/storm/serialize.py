"""Canonical JSON for posts: the byte-for-byte form determinism is checked against.

Assembled by hand (orjson is not available and `json.dumps` of a dict costs more than the post
itself): strings go through the C-accelerated `encode_basestring`, authors are encoded once.
"""

from json.encoder import encode_basestring

from app.storm.types import Author, Post

_authors: dict[Author, str] = {}


def _optional(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def author_json(author: Author) -> str:
    """An author as a JSON object (cached: authors recur)."""
    found = _authors.get(author)
    if found is None:
        if len(_authors) > 50_000:
            _authors.clear()
        found = (
            f'{{"name":{encode_basestring(author.name)},"handle":{encode_basestring(author.handle)},'
            f'"persona":"{author.persona}","followers":{author.followers},'
            f'"verified":{"true" if author.verified else "false"}}}'
        )
        _authors[author] = found
    return found


def post_json(post: Post, extra: str = "") -> str:
    """A post as one line of canonical JSON; `extra` is appended inside the object as is."""
    return (
        f'{{"id":"{post.id}","at_ms":{post.at_ms},"author":{author_json(post.author)},'
        f'"text":{encode_basestring(post.text)},"language":"{post.language}",'
        f'"sentiment":"{post.sentiment}","kind":"{post.kind}",'
        f'"reply_to":{_optional(post.reply_to)},"quote_of":{_optional(post.quote_of)},'
        f'"rumour":{_optional(post.rumour)},"inject":{_optional(post.inject)},'
        f'"reacts_to":{_optional(post.reacts_to)},"likes_max":{post.likes_max},'
        f'"reposts_max":{post.reposts_max}{extra}}}'
    )
