"""One rule for every public kind: no placeholder goes out, and approval covers them all."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.errors import Conflict, Invalid
from app.drills import rules
from app.drills.run import replay

PUBLIC = sorted(rules.PUBLIC_KINDS)
FIELDS = {
    "statement": {},
    "reply": {"in_reply_to": "inject-1"},
    "correct_rumour": {"rumour": "r-1"},
    "request_approval": {},
}
names = st.from_regex(r"[a-z_]{1,12}", fullmatch=True)
PLAN = {
    "roles": [
        {"id": "spokesperson", "can_publish": True, "approves": False},
        {"id": "approver", "can_publish": False, "approves": True},
    ],
    "approval_required": True,
}


@pytest.mark.parametrize("kind", [*PUBLIC, "request_approval"])
def test_a_public_text_with_placeholders_is_refused_naming_each(kind):
    action = {"kind": kind, "text": "{product} down since {time}; {product} back {next_update}"}
    with pytest.raises(Invalid) as refused:
        rules.check_fields({**action, **FIELDS[kind]})
    assert refused.value.field == "text"
    message = refused.value.message
    assert "{product}, {time}, {next_update}" in message
    assert message.count("{product}") == 1


def test_internal_texts_may_hold_braces():
    rules.check_fields({"kind": "note", "text": "Ask legal about {next_update}"})


@given(st.lists(names, min_size=1, max_size=5), st.text(alphabet="abc .,", max_size=30))
def test_unfilled_lists_each_placeholder_once_in_order(found, filler):
    text = filler.join("{" + name + "}" for name in found)
    assert rules.unfilled(text) == list(dict.fromkeys("{" + name + "}" for name in found))
    assert rules.unfilled(text.replace("{", "(").replace("}", ")")) == []


@pytest.mark.parametrize("kind", PUBLIC)
@pytest.mark.parametrize("privileged", [True, False])
def test_under_approval_every_public_kind_goes_through_an_approver(kind, privileged):
    roles = [{"id": "spokesperson", "can_publish": True, "approves": False}]
    with pytest.raises(Conflict) as refused:
        rules.check_role(kind=kind, roles=roles, privileged=privileged, approval_required=True)
    assert "reply" in refused.value.message and "rumour correction" in refused.value.message
    rules.check_role(kind=kind, roles=roles, privileged=privileged, approval_required=False)
    rules.check_role(
        kind="request_approval", roles=roles, privileged=privileged, approval_required=True
    )


def test_an_approved_correction_is_published_as_one_in_a_headless_run():
    stored = replay(
        PLAN,
        [
            {
                "at_s": 10,
                "kind": "request_approval",
                "text": "Not true.",
                "rumour": "r-1",
                "role": "spokesperson",
            },
            {"at_s": 20, "kind": "approve", "ref": "stmt-1", "role": "approver"},
        ],  # fmt: skip
        600,
    )
    assert stored[-1]["kind"] == "correct_rumour" and stored[-1]["rumour"] == "r-1"
