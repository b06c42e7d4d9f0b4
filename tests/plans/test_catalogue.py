"""Placeholders: the documented list is accepted, anything else is named and refused."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from app.plans.catalogue import PLACEHOLDERS, fill_placeholders, placeholder_problems
from app.plans.schemas import MessageCreate

known = st.sampled_from(sorted(PLACEHOLDERS))
plain = st.text(
    alphabet=st.characters(blacklist_characters="{}", blacklist_categories=["Cs"]), max_size=40
)
unknown = st.from_regex(r"[a-z_]{1,15}", fullmatch=True).filter(lambda n: n not in PLACEHOLDERS)


@given(st.lists(st.tuples(plain, known), max_size=5), plain)
def test_texts_with_only_known_placeholders_have_no_problems(pieces, tail):
    text = "".join(f"{before}{{{name}}}" for before, name in pieces) + tail
    assert placeholder_problems(text) == []


@given(plain, unknown, plain)
def test_an_unknown_placeholder_is_reported_by_name(before, name, after):
    assert placeholder_problems(f"{before}{{{name}}}{after}") == [name]


@given(plain, known, plain)
def test_filling_replaces_every_known_placeholder(before, name, after):
    filled = fill_placeholders(f"{before}{{{name}}}{after}", dict.fromkeys(PLACEHOLDERS, "X"))
    assert filled == f"{before}X{after}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello {brand}", []),
        ("Hello {customer}", ["customer"]),
        ("Hello {brand", ["{"]),
        ("Hello brand}", ["}"]),
        ("{Brand} and {next_update}", ["Brand"]),
    ],
)
def test_examples_of_placeholder_problems(text, expected):
    assert placeholder_problems(text) == expected


def test_a_key_message_with_an_unknown_placeholder_names_it():
    with pytest.raises(ValidationError) as caught:
        MessageCreate(title="t", kind="holding", text="Sorry {customer_name}, we are on it")
    error = caught.value.errors()[0]
    assert error["loc"] == ("text",)
    assert "{customer_name}" in error["msg"] and "{brand}" in error["msg"]
