"""Account services: organisations, members administration, invitations and tokens."""

from datetime import timedelta

import pytest
from argon2 import Type, extract_parameters
from sqlmodel import select

from app.accounts import member_service, service, token_service
from app.accounts.models import ApiToken, Invitation, Role
from app.core import security
from app.core.errors import Conflict, Invalid, NotFound
from app.core.security import verify_password


def membership_of(session, user, org):
    return service.get_membership(session=session, user_id=user.id, org_id=org.id)


def test_a_user_can_belong_to_several_organisations_and_switch(session, factory):
    first, second, foreign = factory.org(name="Alpha"), factory.org(name="Beta"), factory.org()
    user = factory.member(first, Role.author)
    service.add_member(session=session, org=second, user=user, role=Role.trainer)
    rows = service.list_memberships(session=session, user_id=user.id)
    assert [(org.name, m.role) for m, org in rows] == [("Alpha", "author"), ("Beta", "trainer")]
    assert service.switch_organisation(session=session, user_id=user.id, org_id=second.id) == second
    with pytest.raises(NotFound):
        service.switch_organisation(session=session, user_id=user.id, org_id=foreign.id)


@pytest.mark.parametrize(
    ("email", "display_name", "password", "field"),
    [
        ("not-an-email", "Ana", "long enough", "email"),
        ("ana@example.org", "  ", "long enough", "display_name"),
        ("ana@example.org", "Ana", "short", "password"),
    ],
)
def test_create_user_names_the_refused_field(session, email, display_name, password, field):
    with pytest.raises(Invalid) as refused:
        service.create_user(
            session=session, email=email, display_name=display_name, password=password
        )
    assert refused.value.field == field
    assert service.get_user_by_email(session=session, email=email) is None


def test_an_existing_user_is_invited_and_joins_only_by_accepting(session, factory):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    user = factory.member(factory.org())
    outcome = member_service.add_by_email(
        session=session, org=org, email=user.email.upper(), role="trainer", invited_by=admin
    )
    assert outcome.invitation.email == user.email and membership_of(session, user, org) is None
    with pytest.raises(NotFound):
        member_service.join_by_invitation(session=session, token=outcome.token, user=admin)
    joined = member_service.join_by_invitation(session=session, token=outcome.token, user=user)
    assert joined == org and user.last_org_id == org.id
    assert membership_of(session, user, org).role == Role.trainer
    with pytest.raises(Invalid) as again:
        member_service.add_by_email(
            session=session, org=org, email=user.email, role="member", invited_by=admin
        )
    assert again.value.field == "email"


@pytest.mark.parametrize(
    ("email", "role", "field"), [("nope", "member", "email"), ("a@example.org", "boss", "role")]
)
def test_adding_refuses_bad_values_and_saves_nothing(session, factory, email, role, field):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    with pytest.raises(Invalid) as refused:
        member_service.add_by_email(
            session=session, org=org, email=email, role=role, invited_by=admin
        )
    assert refused.value.field == field
    assert member_service.list_invitations(session=session, org_id=org.id) == []


def test_an_unknown_email_is_invited_once_with_a_hashed_one_time_token(session, factory):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    first = member_service.add_by_email(
        session=session, org=org, email="New@Example.org", role="author", invited_by=admin
    )
    again = member_service.add_by_email(
        session=session, org=org, email="new@example.org", role="trainer", invited_by=admin
    )
    pending = member_service.list_invitations(session=session, org_id=org.id)
    assert [(i.email, i.role) for i in pending] == [("new@example.org", "trainer")]
    assert first.token not in pending[0].token_hash
    with pytest.raises(NotFound):
        member_service.get_pending_invitation(session=session, token=first.token)
    user, joined = member_service.accept_invitation(
        session=session,
        token=again.token,
        display_name=" Nina ",
        password="a long one",
        language="fr",
    )
    assert (joined, user.display_name, user.language) == (org, "Nina", "fr")
    assert (
        verify_password(user.password_hash, "a long one") and "a long one" not in user.password_hash
    )
    assert membership_of(session, user, org).role == Role.trainer
    with pytest.raises(NotFound):
        member_service.accept_invitation(
            session=session,
            token=again.token,
            display_name="Nina",
            password="a long one",
            language="en",
        )


def test_a_refused_acceptance_saves_nothing_and_keeps_the_link(session, factory):
    org = factory.org()
    outcome = member_service.add_by_email(
        session=session,
        org=org,
        email="x@example.org",
        role="member",
        invited_by=factory.member(org, Role.admin),
    )
    with pytest.raises(Invalid) as refused:
        member_service.accept_invitation(
            session=session, token=outcome.token, display_name="X", password="short", language="en"
        )
    assert refused.value.field == "password"
    assert service.get_user_by_email(session=session, email="x@example.org") is None
    assert member_service.get_pending_invitation(session=session, token=outcome.token)


def test_an_expired_invitation_is_refused(session, factory):
    org = factory.org()
    outcome = member_service.add_by_email(
        session=session,
        org=org,
        email="late@example.org",
        role="member",
        invited_by=factory.member(org, Role.admin),
    )
    outcome.invitation.expires_at = outcome.invitation.created_at - timedelta(seconds=1)
    session.add(outcome.invitation)
    session.flush()
    with pytest.raises(NotFound):
        member_service.get_pending_invitation(session=session, token=outcome.token)


def test_the_last_admin_can_be_neither_demoted_nor_removed(session, factory):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    membership = membership_of(session, admin, org)
    with pytest.raises(Conflict) as demoted:
        member_service.change_role(session=session, membership=membership, role="member")
    assert demoted.value.field == "role"
    with pytest.raises(Conflict):
        member_service.remove_member(session=session, membership=membership)
    assert membership_of(session, admin, org).role == Role.admin
    second = factory.member(org, Role.admin)
    member_service.change_role(session=session, membership=membership, role="author")
    with pytest.raises(Conflict):
        member_service.remove_member(
            session=session, membership=membership_of(session, second, org)
        )


def test_lookups_are_scoped_to_the_organisation(session, factory):
    org, other = factory.org(), factory.org()
    user = factory.member(org)
    membership = membership_of(session, user, org)
    with pytest.raises(NotFound):
        member_service.get_member(session=session, org_id=other.id, membership_id=membership.id)
    outcome = member_service.add_by_email(
        session=session, org=org, email="y@example.org", role="member", invited_by=user
    )
    with pytest.raises(NotFound):
        member_service.get_invitation(
            session=session, org_id=other.id, invitation_id=outcome.invitation.id
        )
    row, _secret = token_service.create_token(
        session=session, user_id=user.id, org_id=org.id, name="ci"
    )
    with pytest.raises(NotFound):
        token_service.get_token(session=session, user_id=user.id, org_id=other.id, token_id=row.id)


def test_tokens_are_hashed_named_and_bound_to_their_organisation(session, factory):
    org = factory.org()
    user = factory.member(org)
    row, secret = token_service.create_token(
        session=session, user_id=user.id, org_id=org.id, name=" ci "
    )
    assert row.name == "ci" and secret not in row.token_hash and row.organisation_id == org.id
    assert service.resolve_api_token(session=session, token=secret).id == row.id
    assert row.last_used_at is not None
    for name, message in (("", "Give the token a name"), ("ci", "already have a token")):
        with pytest.raises(Invalid, match=message):
            token_service.create_token(session=session, user_id=user.id, org_id=org.id, name=name)
    token_service.revoke_token(session=session, token=row)
    assert service.resolve_api_token(session=session, token=secret) is None


def test_removing_a_member_revokes_their_tokens_there(session, factory):
    org = factory.org()
    factory.member(org, Role.admin)
    user = factory.member(org)
    token_service.create_token(session=session, user_id=user.id, org_id=org.id, name="ci")
    member_service.remove_member(session=session, membership=membership_of(session, user, org))
    assert session.exec(select(ApiToken).where(ApiToken.user_id == user.id)).all() == []
    assert session.exec(select(Invitation)).all() == []


def test_intranet_and_test_domains_are_accepted(session):
    user = service.create_user(
        session=session, email=" Admin@Demo.Stormdrill.TEST", display_name="A", password="x" * 8
    )
    assert user.email == "admin@demo.stormdrill.test"


def test_passwords_are_hashed_with_argon2id_at_its_production_cost(
    quick_password_hashing, monkeypatch
):
    """The suite hashes cheaply (tests/conftest.py); the application itself does not."""
    monkeypatch.setattr(security, "_hasher", quick_password_hashing)
    stored = security.hash_password("a long passphrase")
    cost = extract_parameters(stored)
    assert cost.type == Type.ID
    assert cost.memory_cost >= 19 * 1024 and cost.time_cost >= 2, cost  # OWASP's floor
    assert security.verify_password(stored, "a long passphrase")
    assert not security.verify_password(stored, "another passphrase")
