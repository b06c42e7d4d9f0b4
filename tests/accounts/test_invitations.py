"""Adding a member is always an invitation to accept; sign-in lands where one last was."""

from fastapi.testclient import TestClient

from app.accounts import member_service, service, token_service
from app.accounts.models import Role
from tests.accounts.html import Page
from tests.factories import sign_in


def bearer(session, user, org) -> dict[str, str]:
    _row, secret = token_service.create_token(
        session=session, user_id=user.id, org_id=org.id, name="script"
    )
    return {"Authorization": f"Bearer {secret}"}


def shape(body: object) -> object:
    """The structure of a JSON answer with its values blanked, to compare two answers."""
    if isinstance(body, dict):
        return {key: shape(value) for key, value in body.items()}
    return type(body).__name__


def test_a_registered_and_an_unknown_email_get_the_same_answer(client, factory, session):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    known = factory.member(factory.org(), display_name="Zelda Private")
    headers = bearer(session, admin, org)
    for_known = client.post("/api/members", json={"email": known.email}, headers=headers)
    for_unknown = client.post("/api/members", json={"email": "nobody@example.org"}, headers=headers)
    assert for_known.status_code == for_unknown.status_code == 201
    assert shape(for_known.json()) == shape(for_unknown.json())
    assert "Zelda" not in for_known.text
    assert service.get_membership(session=session, user_id=known.id, org_id=org.id) is None


def test_a_registered_user_joins_only_by_accepting_while_signed_in(app, factory, session):
    org = factory.org(name="Acme")
    admin_client, invitee = TestClient(app), TestClient(app)
    sign_in(admin_client, factory.member(org, Role.admin))
    known = factory.member(factory.org())
    answer = admin_client.post("/admin/members", data={"email": known.email, "role": "trainer"})
    assert answer.status_code == 201
    path = (
        Page(answer.text).attr("#invitation-link input", "value").removeprefix("http://testserver")
    )
    assert service.get_membership(session=session, user_id=known.id, org_id=org.id) is None
    anonymous = Page(invitee.get(path).text)
    assert anonymous.attr("#sign-in-to-accept", "href") == f"/login?next={path}"
    sign_in(invitee, known)
    page = Page(invitee.get(path).text)
    assert page.text("h1") == "Join Acme"
    assert page.attr("#join-form", "action") == f"{path}/join"
    joined = invitee.post(f"{path}/join", follow_redirects=False)
    assert (joined.status_code, joined.headers["location"]) == (303, "/")
    membership = service.get_membership(session=session, user_id=known.id, org_id=org.id)
    assert membership.role == Role.trainer
    assert invitee.get("/api/me").json()["organisation"]["name"] == "Acme"
    assert invitee.get(path).status_code == 404


def test_nobody_else_can_accept_someone_elses_invitation(app, factory, session):
    org = factory.org()
    admin_client, stranger = TestClient(app), TestClient(app)
    sign_in(admin_client, factory.member(org, Role.admin))
    answer = admin_client.post("/admin/members", data={"email": "target@example.org"})
    path = (
        Page(answer.text).attr("#invitation-link input", "value").removeprefix("http://testserver")
    )
    other = factory.member(factory.org())
    sign_in(stranger, other)
    page = Page(stranger.get(path).text)
    assert page.all("#join-form") == []
    assert stranger.post(f"{path}/join").status_code == 404
    assert service.get_membership(session=session, user_id=other.id, org_id=org.id) is None


def test_sign_in_lands_in_the_last_organisation_used(client, factory, session):
    alpha, zulu = factory.org(name="Alpha"), factory.org(name="Zulu")
    user = factory.member(alpha)
    service.add_member(session=session, org=zulu, user=user, role=Role.member)
    sign_in(client, user)
    assert client.get("/api/me").json()["organisation"]["name"] == "Alpha"
    client.post("/organisation", data={"org_id": zulu.id, "next": "/"})
    client.post("/logout")
    sign_in(client, user)
    assert client.get("/api/me").json()["organisation"]["name"] == "Zulu"


def test_an_unknown_email_costs_a_password_check_like_a_known_one(session, factory, monkeypatch):
    checked: list[str] = []
    real = service.verify_password
    monkeypatch.setattr(
        service,
        "verify_password",
        lambda hashed, given: checked.append(given) or real(hashed, given),
    )
    known = factory.user()
    assert service.authenticate(session=session, email=known.email, password="wrong") is None
    assert service.authenticate(session=session, email="ghost@example.org", password="x") is None
    assert checked == ["wrong", "x"]


def test_the_invitation_page_is_translated(client, factory, session):
    org = factory.org(name="Acme")
    admin = factory.member(org, Role.admin)
    outcome = member_service.add_by_email(
        session=session, org=org, email="lea@example.org", role="member", invited_by=admin
    )
    page = Page(client.get(f"/invitations/{outcome.token}", headers={"Accept-Language": "fr"}).text)
    assert page.text("h1") == "Rejoindre Acme"
    assert page.text("#sign-in-to-accept") == "Connectez-vous pour accepter"
    assert page.text("h2") == "Ou créez votre compte"
