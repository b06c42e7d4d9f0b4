"""The account pages: members administration, invitations, tokens, the organisation switcher."""

from app.accounts import member_service, service
from app.accounts.models import Role
from tests.accounts.html import Page
from tests.factories import csrf_from, sign_in


def membership_of(session, user, org):
    return service.get_membership(session=session, user_id=user.id, org_id=org.id)


def test_the_members_page_lists_people_with_their_roles(client, factory):
    org = factory.org()
    admin = factory.member(org, Role.admin, display_name="Ada Admin")
    factory.member(org, Role.trainer, display_name="Tom Trainer")
    factory.member(factory.org(), Role.member, display_name="Olga Outsider")
    sign_in(client, admin)
    page = Page(client.get("/admin/members").text)
    rows = page.all("#members tbody tr[id^=member-]")
    names = [" ".join("".join(r.query("td").etree_element.itertext()).split()) for r in rows]
    assert names == ["Ada Admin you", "Tom Trainer"]
    selected = page.texts("#members tbody select option[selected]")
    assert selected == ["Admin", "Trainer"]
    assert "Members" in page.texts("nav a")


def test_htmx_gets_the_partial_only(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.admin))
    answer = client.get("/admin/members", headers={"HX-Request": "true"})
    assert answer.text.lstrip().startswith('<div id="members"')


def test_adding_a_known_user_shows_an_invitation_and_lists_nobody_yet(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.admin))
    known = factory.user(display_name="Kim Known")
    answer = client.post("/admin/members", data={"email": known.email, "role": "author"})
    assert answer.status_code == 201
    page = Page(answer.text)
    assert page.attr("#invitation-link input", "value").startswith("http://testserver/invit")
    assert "Kim Known" not in answer.text
    assert known.email in page.texts("#members tbody td")


def test_inviting_shows_the_one_time_link_and_the_invitee_joins(client, factory, session):
    org = factory.org(name="Acme")
    sign_in(client, factory.member(org, Role.admin))
    answer = client.post("/admin/members", data={"email": "new@example.org", "role": "trainer"})
    assert answer.status_code == 201 and answer.headers["cache-control"] == "no-store"
    link = Page(answer.text).attr("#invitation-link input", "value")
    assert link.startswith("http://testserver/invitations/inv_")
    assert "new@example.org" in Page(answer.text).texts("#members td")
    client.post("/logout")
    path = link.removeprefix("http://testserver")
    html = client.get(path).text
    client.headers["X-CSRF-Token"] = csrf_from(html)
    page = Page(html)
    assert page.text("h1") == "Join Acme"
    assert page.attr("#email", "value") == "new@example.org"
    short = client.post(path, data={"display_name": "Nina", "password": "short"})
    assert short.status_code == 422
    assert "at least 8 characters" in Page(short.text).text("#password-error")
    assert Page(short.text).attr("#display_name", "value") == "Nina"
    joined = client.post(path, data={"display_name": "Nina", "password": "long enough"})
    assert Page(joined.text).text("h1") == "Welcome, Nina"
    user = service.get_user_by_email(session=session, email="new@example.org")
    assert membership_of(session, user, org).role == Role.trainer
    assert client.get(path).status_code == 404


def test_a_bad_email_is_shown_next_to_its_field_and_nothing_is_saved(client, factory, session):
    org = factory.org()
    sign_in(client, factory.member(org, Role.admin))
    answer = client.post("/admin/members", data={"email": "not an email", "role": "author"})
    assert answer.status_code == 422
    page = Page(answer.text)
    assert page.text("#add-email-error") == "Enter a valid email address."
    assert page.attr("#add-email", "value") == "not an email"
    assert page.attr("#add-email", "aria-invalid") == "true"
    assert page.text("#add-role option[selected]") == "Author (comms lead)"
    assert member_service.list_invitations(session=session, org_id=org.id) == []


def test_changing_a_role_and_the_last_admin_message_inline(client, factory, session):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    author = factory.member(org, Role.author)
    sign_in(client, admin)
    author_row = membership_of(session, author, org)
    client.post(f"/admin/members/{author_row.id}/role", data={"role": "trainer"})
    assert membership_of(session, author, org).role == Role.trainer
    admin_row = membership_of(session, admin, org)
    answer = client.post(
        f"/admin/members/{admin_row.id}/role",
        data={"role": "member"},
        headers={"HX-Request": "true"},
    )
    assert answer.status_code == 409
    page = Page(answer.text)
    assert "last admin" in page.text(f"#role-{admin_row.id}-error")
    assert membership_of(session, admin, org).role == Role.admin


def test_removing_a_member_and_not_the_last_admin(client, factory, session):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    member = factory.member(org)
    sign_in(client, admin)
    row = membership_of(session, member, org)
    client.post(f"/admin/members/{row.id}/remove")
    assert membership_of(session, member, org) is None
    admin_row = membership_of(session, admin, org)
    answer = client.post(f"/admin/members/{admin_row.id}/remove")
    assert answer.status_code == 409
    assert "last admin" in Page(answer.text).text(f"#role-{admin_row.id}-error")


def test_an_admin_who_steps_down_goes_home(client, factory, session):
    org = factory.org()
    admin = factory.member(org, Role.admin)
    factory.member(org, Role.admin)
    sign_in(client, admin)
    row = membership_of(session, admin, org)
    answer = client.post(
        f"/admin/members/{row.id}/role", data={"role": "author"}, follow_redirects=False
    )
    assert answer.headers["location"] == "/"
    assert client.get("/admin/members").status_code == 403


def test_the_switcher_lists_only_the_users_organisations_and_switches(client, factory, session):
    first, second, foreign = factory.org(name="Alpha"), factory.org(name="Beta"), factory.org()
    user = factory.member(first, Role.admin)
    service.add_member(session=session, org=second, user=user, role=Role.member)
    sign_in(client, user)
    page = Page(client.get("/").text)
    assert page.texts("#org-switch option") == ["Alpha", "Beta"]
    assert page.text("#org-switch option[selected]") == "Alpha"
    answer = client.post(
        "/organisation",
        data={"org_id": str(second.id), "next": "/admin/members"},
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/admin"
    assert client.get("/api/me").json()["organisation"]["name"] == "Beta"
    assert Page(client.get("/").text).text("#org-switch option[selected]") == "Beta"
    assert client.post("/organisation", data={"org_id": str(foreign.id)}).status_code == 404
    assert client.get("/api/me").json()["organisation"]["name"] == "Beta"


def test_a_user_without_organisation_is_told_why(client, factory):
    user = factory.user()
    sign_in(client, user)
    page = Page(client.get("/").text)
    assert page.text("#no-organisation h2") == "You do not belong to any organisation yet"
    assert user.email in page.text("#no-organisation")
    assert page.all("#org-switch") == []
    refused = client.get("/account/tokens")
    assert refused.status_code == 404
    assert "any organisation yet" in Page(refused.text).text("h1")


def test_a_removed_member_is_signed_out_and_lands_in_their_other_organisation(
    client, factory, session
):
    first, second = factory.org(name="Alpha"), factory.org(name="Beta")
    factory.member(first, Role.admin)
    user = factory.member(first)
    service.add_member(session=session, org=second, user=user, role=Role.member)
    sign_in(client, user)
    member_service.remove_member(session=session, membership=membership_of(session, user, first))
    assert client.get("/api/me").status_code == 401
    sign_in(client, user)
    assert client.get("/api/me").json()["organisation"]["name"] == "Beta"


def test_tokens_page_shows_the_secret_once_then_lists_and_revokes(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org))
    empty = client.post("/account/tokens", data={"name": " "})
    assert empty.status_code == 422
    assert "Give the token a name" in Page(empty.text).text("#token-name-error")
    made = client.post("/account/tokens", data={"name": "Nightly export"})
    assert made.status_code == 201 and made.headers["cache-control"] == "no-store"
    secret = Page(made.text).attr("#new-token input", "value")
    assert secret.startswith("sd_")
    listed = Page(client.get("/account/tokens").text)
    assert listed.all("#new-token") == [] and secret not in client.get("/account/tokens").text
    row = listed.one("#tokens tbody tr")
    cells = [" ".join("".join(td.etree_element.itertext()).split()) for td in row.query_all("td")]
    assert cells[0] == "Nightly export" and cells[2] == "never"
    me = client.get("/api/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.status_code == 200
    assert "never" not in Page(client.get("/account/tokens").text).texts("#tokens td")
    token_id = row.etree_element.get("id").removeprefix("token-")
    client.post(f"/account/tokens/{token_id}/revoke")
    assert client.get("/api/me", headers={"Authorization": f"Bearer {secret}"}).status_code == 401


def test_every_form_carries_the_csrf_token(client, factory):
    org = factory.org()
    sign_in(client, factory.member(org, Role.admin))
    token = csrf_from(client.get("/login").text)
    for path in ("/admin/members", "/account/tokens"):
        page = Page(client.get(path).text)
        for form in page.all("form[method=post]"):
            assert form.query("input[name=csrf_token]").etree_element.get("value") == token
