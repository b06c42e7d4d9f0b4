"""Phones of role holders and backups: validated, optional, kept by files, shown with names."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from pydantic import ValidationError

from app.accounts.models import Role
from app.plans import items, transfer
from app.plans.schemas import RoleCreate
from app.plans.sections import SECTIONS
from tests.factories import sign_in
from tests.plans.helpers import add, approve, make_full_plan
from tests.plans.html import by_id, find_all

separators = st.sampled_from(["", " ", "-", ".", " (", ") "])


@given(st.booleans(), st.lists(st.tuples(separators, st.integers(0, 9)), min_size=6, max_size=20))
def test_digits_with_separators_are_a_phone(plus, parts):
    phone = ("+" if plus else "") + "".join(f"{sep}{digit}" for sep, digit in parts)
    assume(len(phone) <= 30)
    assert RoleCreate(name="Spokesperson", holder_phone=phone).holder_phone == phone.strip()


@given(st.text(min_size=1, max_size=25).filter(lambda text: any(c.isalpha() for c in text)))
def test_text_with_letters_is_not_a_phone(text):
    with pytest.raises(ValidationError) as refused:
        RoleCreate(name="Spokesperson", backup_phone=text)
    assert refused.value.errors()[0]["loc"] == ("backup_phone",)


@pytest.mark.parametrize("phone", ["12345", "+33 6 12 34 56 78 90 12 34 56 78 9", "06 12 + 34"])
def test_too_few_or_too_many_digits_or_a_stray_plus_are_refused(phone):
    with pytest.raises(ValidationError):
        RoleCreate(name="Spokesperson", holder_phone=phone)


@pytest.fixture
def author(client, factory):
    org = factory.org()
    user = factory.member(org, Role.author, display_name="Camille Author")
    sign_in(client, user)
    return org, user


def test_the_api_keeps_a_phone_and_names_a_refused_one(client, author):
    plan = client.post("/api/plans", json={"title": "Breach"}).json()
    url = f"/api/plans/{plan['id']}/roles"
    refused = client.post(url, json={"name": "Monitor", "holder_phone": "call me"})
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["loc"] == ["body", "holder_phone"]
    role = client.post(url, json={"name": "Monitor", "holder_phone": "+33 6 12 34 56 78"}).json()
    assert role["holder_phone"] == "+33 6 12 34 56 78" and role["backup_phone"] is None


def test_the_role_form_shows_a_refused_phone_beside_its_field(client, session, author):
    org, _user = author
    plan = make_full_plan(session, org)
    response = client.post(
        f"/plans/{plan.id}/roles", data={"name": "Monitor", "backup_phone": "tomorrow"}
    )
    assert response.status_code == 422
    assert "phone number" in by_id(response.text, "f-backup_phone-error").text
    assert by_id(response.text, "f-backup_phone").get("value") == "tomorrow"
    saved = client.post(
        f"/plans/{plan.id}/roles", data={"name": "Monitor", "backup_phone": "01 23 45 67 89"}
    )
    assert saved.status_code in (200, 303)
    roles = items.list_items(session=session, plan=plan, section=SECTIONS["roles"])
    assert roles[-1].backup_phone == "01 23 45 67 89"


def test_an_export_keeps_the_phones(session, author):
    org, user = author
    plan = make_full_plan(session, org)
    add(session, org, plan, "roles", RoleCreate(name="Legal", backup_phone="+44 20 7946 0958"))
    document = transfer.export_document(session=session, plan=plan)
    assert document["roles"][-1]["backup_phone"] == "+44 20 7946 0958"
    assert "holder_phone" not in document["roles"][-1]


def test_the_printed_plan_and_its_versions_name_holders_with_phone_and_email(
    client, session, factory, author
):
    org, user = author
    holder = factory.member(org, Role.member, display_name="Noor Haddad")
    plan = make_full_plan(session, org)
    add(
        session,
        org,
        plan,
        "roles",
        RoleCreate(
            name="Approver",
            holder_member=holder.email,
            holder_phone="+33 6 12 34 56 78",
            backup_contact="Ana Ruiz",
            backup_phone="01 23 45 67 89",
        ),
    )
    approve(session, org, plan)
    version = client.get(f"/api/plans/{plan.id}/versions").json()["data"][0]
    for url in (f"/plans/{plan.id}/print", f"/plans/{plan.id}/versions/{version['id']}"):
        row = next(
            row for row in find_all(client.get(url).text, "tr") if row.text.startswith("Approver")
        )
        assert "Noor Haddad" in row.text and "+33 6 12 34 56 78" in row.text
        assert holder.email in row.text, "the email is given beside the name"
        assert not row.text.split("Approver", 1)[1].strip().startswith(holder.email)
        assert "Ana Ruiz" in row.text and "01 23 45 67 89" in row.text
