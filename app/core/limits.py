"""Bounds on every document a user uploads or posts, so no input makes the server work unboundedly.

A document (a drill record, a plan file, a scenario file, a JSON body) is refused before it is
parsed when it is larger than `max_document_bytes`, and while it is parsed when it nests deeper
than MAX_DEPTH, holds more than MAX_NODES values, uses a YAML alias, or holds a number that is
not finite. Each refusal names the limit, as README's "Limits" section does.
"""

import itertools
import json
import math
import re
from typing import Any

import yaml

from app.core.i18n import gettext as _

MAX_DOCUMENT_BYTES = 2_000_000
MAX_DEPTH = 32
MAX_NODES = 200_000

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
MAX_INTEGER = 2**31 - 1  # what an integer column holds (ids, counts, versions are 32-bit)
MAX_INTEGER_DIGITS = len(str(MAX_INTEGER))
_LONG_INTEGER = re.compile(rb"(?<![\d.eE+-])-?\d{10,}(?![\d.eE])")
# A scalar once each string is replaced by a lone quote: a string, number, true, false or null.
_SCALAR = re.compile(rb'"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null')
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class LimitExceeded(ValueError):
    """A document over one of the limits; `limit` names it (`max_depth`, `yaml_aliases`…)."""

    def __init__(self, limit: str, message: str) -> None:
        super().__init__(message)
        self.limit = limit
        self.message = message


def _as_bytes(text: str | bytes) -> bytes:
    return text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text


def check_size(text: str | bytes, max_bytes: int = MAX_DOCUMENT_BYTES) -> None:
    """Refuse a document larger than `max_bytes` before anything reads it."""
    size = len(_as_bytes(text))
    if size > max_bytes:
        raise size_error(size, max_bytes)


def size_error(size: int, max_bytes: int) -> LimitExceeded:
    """The refusal of a document of `size` bytes."""
    return LimitExceeded(
        "max_document_bytes",
        _(
            "The document is %(size)s bytes, over the limit of %(limit)s bytes "
            "(max_document_bytes).",
            size=size,
            limit=max_bytes,
        ),
    )


def depth_error() -> LimitExceeded:
    """The refusal of a document nested deeper than MAX_DEPTH."""
    return LimitExceeded(
        "max_depth",
        _("The document nests deeper than %(limit)s levels (max_depth).", limit=MAX_DEPTH),
    )


def _too_many() -> LimitExceeded:
    return LimitExceeded(
        "max_nodes",
        _("The document holds more than %(limit)s values (max_nodes).", limit=MAX_NODES),
    )


def json_depth(text: str | bytes) -> int:
    """How deep the JSON text's arrays and objects nest, in one linear pass without parsing it."""
    brackets = _JSON_STRING.sub(b"", _as_bytes(text)).translate(None, _NOT_BRACKETS)
    return max(itertools.accumulate(_STEP[c] for c in brackets), default=0)


def check_json_text(text: str | bytes) -> None:
    """Refuse JSON text nested past MAX_DEPTH, holding more than MAX_NODES values or an integer
    past 32 bits, unparsed (FastAPI decodes a body before any handler could count its values).

    An id a database column cannot hold would otherwise reach the driver and fail there. JSON
    is UTF-8: other bytes are refused here too, naming the byte, rather than failing to parse.
    """
    if isinstance(text, bytes):
        try:
            text.decode("utf-8")
        except UnicodeDecodeError as exc:
            message = _(
                "The JSON text is not UTF-8: byte %(at)s cannot be read (utf8).", at=exc.start
            )
            raise LimitExceeded("utf8", message) from None
    outside_strings = _JSON_STRING.sub(b'"', _as_bytes(text))
    brackets = outside_strings.translate(None, _NOT_BRACKETS)
    if max(itertools.accumulate(_STEP[c] for c in brackets), default=0) > MAX_DEPTH:
        raise depth_error()
    if json_values(outside_strings, brackets) > MAX_NODES:
        raise _too_many()
    for match in _LONG_INTEGER.finditer(outside_strings):
        _bounded_int(match.group().decode())


def json_values(outside_strings: bytes, brackets: bytes) -> int:
    """How many values count_nodes would find in valid JSON text, from the text with each string
    replaced by a lone quote and its brackets: every array or object, plus every scalar that is
    not an object's key (each key is followed by a colon)."""
    scalars = sum(1 for _ in _SCALAR.finditer(outside_strings))
    openers = brackets.count(b"[") + brackets.count(b"{")
    return openers + scalars - outside_strings.count(b":")


def _refuse_constant(name: str) -> float:
    raise LimitExceeded(
        "finite_numbers", _("%(value)s is not a finite number (finite_numbers).", value=name)
    )


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        _refuse_constant(text)
    return value


def _integer_error() -> LimitExceeded:
    return LimitExceeded(
        "max_integer",
        _("An integer is beyond the 32-bit range (max_integer)."),
    )


def _bounded_int(text: str) -> int:
    value = int(text) if len(text) <= MAX_INTEGER_DIGITS + 1 else MAX_INTEGER + 1
    if not -MAX_INTEGER - 1 <= value <= MAX_INTEGER:
        raise _integer_error()
    return value


def count_nodes(data: Any) -> int:
    """The number of values in a decoded document, walked without recursion."""
    count, pending = 0, [data]
    while pending:
        value = pending.pop()
        count += 1
        if count > MAX_NODES:
            raise _too_many()
        if isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return count


def load_json(text: str | bytes, max_bytes: int = MAX_DOCUMENT_BYTES) -> Any:
    """Decode JSON within the limits; a syntax error stays a json.JSONDecodeError."""
    check_size(text, max_bytes)
    check_json_text(text)
    data = json.loads(
        text, parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_bounded_int
    )
    count_nodes(data)
    return data


class LimitedLoader(yaml.SafeLoader):
    """PyYAML's SafeLoader that refuses aliases and bounds nesting and the number of nodes.

    Refusing aliases outright keeps a few hundred bytes from expanding into billions of values
    ("billion laughs"); none of our formats needs them.
    """

    def __init__(self, stream: str | bytes) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node:
        """Compose one node, counting it and its depth, refusing an alias."""
        if self.check_event(yaml.AliasEvent):
            raise LimitExceeded(
                "yaml_aliases",
                _(
                    "YAML aliases (*name) are not allowed (yaml_aliases), line %(line)s.",
                    line=self.peek_event().start_mark.line + 1,
                ),
            )
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _too_many()
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise depth_error()
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str | bytes, max_bytes: int = MAX_DOCUMENT_BYTES) -> Any:
    """Decode one YAML document within the limits; a syntax error stays a yaml.YAMLError."""
    check_size(text, max_bytes)
    loader = LimitedLoader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    _check_finite(data)
    return data


def _check_finite(data: Any) -> None:
    """Refuse .inf and .nan in a decoded YAML document (JSON refuses them while decoding)."""
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, float) and not math.isfinite(value):
            _refuse_constant(str(value))
        elif isinstance(value, dict):
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
