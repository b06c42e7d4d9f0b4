"""The accounts JSON API, with sessions and with personal tokens."""

from app.accounts import member_service, service, token_service
from app.accounts.models import Role
from tests.factories import sign_in


def bearer(session, user, org) -> dict[str, str]:
    _row, secret = token_service.create_token(
        session=session, user_id=user.id, org_id=org.id, name="script"
    )
    return {"Authorization": f"Bearer {secret}"}


def test_me_tells_who_where_and_with_which_role(client, factory, session):
    first, second = factory.org(name="Alpha"), factory.org(name="Beta")
    user = factory.member(first, Role.trainer, display_name="Tess")
    service.add_member(session=session, org=second, user=user, role=Role.admin)
    body = client.get("/api/me", headers=bearer(session, user, second)).json()
    assert body["user"]["display_name"] == "Tess" and "password_hash" not in body["user"]
    assert (body["organisation"]["name"], body["role"]) == ("Beta", "admin")
    assert [(m["organisation"]["name"], m["role"]) for m in body["memberships"]] == [
        ("Alpha", "trainer"),
        ("Beta", "admin"),
    ]


def test_a_token_works_without_csrf_and_a_bad_one_is_401(client, factory, session):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    headers = bearer(session, admin, org)
    made = client.post("/api/members", json={"email": "fresh@example.org"}, headers=headers)
    assert made.status_code == 201
    invitation = made.json()["invitation"]
    assert invitation["role"] == "member"
    assert invitation["accept_url"].startswith("http://testserver/invitations/inv_")
    refused = client.get("/api/members", headers={"Authorization": "Bearer sd_nope"})
    assert refused.status_code == 401
    assert refused.json()["detail"][0]["msg"] == "This API token is not valid."


def test_members_crud_through_the_api(client, factory, session):
    org = factory.org()
    admin = factory.member(org, Role.admin, display_name="Ada")
    known = factory.user(display_name="Kim")
    headers = bearer(session, admin, org)
    invited = client.post(
        "/api/members", json={"email": known.email, "role": "author"}, headers=headers
    ).json()["invitation"]
    assert client.get("/api/members", headers=headers).json()["count"] == 1
    token = invited["accept_url"].rsplit("/", 1)[1]
    member_service.join_by_invitation(session=session, token=token, user=known)
    listed = client.get("/api/members", headers=headers).json()
    added = listed["data"][1]
    assert (added["display_name"], added["role"]) == ("Kim", "author")
    assert listed["count"] == 2
    assert [m["display_name"] for m in listed["data"]] == ["Ada", "Kim"]
    changed = client.patch(f"/api/members/{added['id']}", json={"role": "trainer"}, headers=headers)
    assert changed.json()["role"] == "trainer"
    assert client.get(f"/api/members/{added['id']}", headers=headers).json()["role"] == "trainer"
    assert client.delete(f"/api/members/{added['id']}", headers=headers).status_code == 204
    assert client.get("/api/members", headers=headers).json()["count"] == 1


def test_the_last_admin_is_a_409_and_bad_values_a_422_with_the_field(client, factory, session):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    headers = bearer(session, admin, org)
    own = client.get("/api/members", headers=headers).json()["data"][0]["id"]
    conflict = client.patch(f"/api/members/{own}", json={"role": "member"}, headers=headers)
    assert conflict.status_code == 409
    assert conflict.json()["detail"][0]["loc"] == ["body", "role"]
    assert client.delete(f"/api/members/{own}", headers=headers).status_code == 409
    bad_role = client.patch(f"/api/members/{own}", json={"role": "boss"}, headers=headers)
    assert bad_role.status_code == 422 and bad_role.json()["detail"][0]["loc"] == ["body", "role"]
    bad_email = client.post("/api/members", json={"email": "nope"}, headers=headers)
    assert bad_email.status_code == 422
    assert bad_email.json()["detail"][0]["loc"] == ["body", "email"]


def test_invitations_are_listed_and_revoked(client, factory, session):
    org = factory.org()
    headers = bearer(session, factory.member(org, Role.admin), org)
    client.post("/api/members", json={"email": "a@example.org", "role": "trainer"}, headers=headers)
    listed = client.get("/api/invitations", headers=headers).json()
    assert [(i["email"], i["role"]) for i in listed["data"]] == [("a@example.org", "trainer")]
    assert "accept_url" not in listed["data"][0] and "token_hash" not in listed["data"][0]
    invitation_id = listed["data"][0]["id"]
    assert client.delete(f"/api/invitations/{invitation_id}", headers=headers).status_code == 204
    assert client.get("/api/invitations", headers=headers).json()["count"] == 0


def test_tokens_through_the_api_with_a_session(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org))
    made = client.post("/api/tokens", json={"name": "backup"})
    assert made.status_code == 201
    secret = made.json()["token"]
    assert client.get("/api/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 200
    listed = client.get("/api/tokens").json()
    assert [t["name"] for t in listed["data"]] == ["backup"] and "token" not in listed["data"][0]
    assert listed["data"][0]["last_used_at"] is not None
    assert client.post("/api/tokens", json={"name": "backup"}).status_code == 422
    assert client.delete(f"/api/tokens/{made.json()['id']}").status_code == 204
    assert client.get("/api/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_a_token_stops_working_in_an_organisation_its_owner_left(client, factory, session):
    org = factory.org()
    factory.member(org, Role.admin)
    user = factory.member(org)
    headers = bearer(session, user, org)
    assert client.get("/api/tokens", headers=headers).status_code == 200
    membership = service.get_membership(session=session, user_id=user.id, org_id=org.id)
    session.delete(membership)
    session.flush()
    assert client.get("/api/tokens", headers=headers).status_code == 404
