"""A token's last use is stamped at most once a minute: read-only API calls do not write."""

from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event

from app.accounts import service, token_service
from app.core.db import utcnow


def test_a_token_used_again_within_the_minute_is_not_written(session, factory):
    org = factory.org()
    user = factory.member(org)
    row, secret = token_service.create_token(
        session=session, user_id=user.id, org_id=org.id, name="script"
    )
    first = utcnow()
    service.resolve_api_token(session=session, token=secret, now=first)
    writes: list[str] = []
    connection = session.connection()
    event.listen(connection, "before_cursor_execute", lambda *a: writes.append(a[2]))

    again = service.resolve_api_token(
        session=session, token=secret, now=first + timedelta(seconds=59)
    )
    session.commit()

    assert again.id == row.id and again.last_used_at == first
    assert not [sql for sql in writes if sql.lstrip().upper().startswith("UPDATE")]


def test_a_token_used_after_the_minute_is_stamped_again(session, factory):
    org = factory.org()
    user = factory.member(org)
    _row, secret = token_service.create_token(
        session=session, user_id=user.id, org_id=org.id, name="script"
    )
    first = utcnow()
    service.resolve_api_token(session=session, token=secret, now=first)
    later = first + timedelta(minutes=1, seconds=1)

    service.resolve_api_token(session=session, token=secret, now=later)
    session.expire_all()

    stored = service.resolve_api_token(session=session, token=secret, now=later)
    assert service.used_lately(stored.last_used_at, later)
    assert not service.used_lately(stored.last_used_at, first + timedelta(minutes=2, seconds=2))


@given(
    elapsed_s=st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    naive=st.booleans(),
)
def test_a_use_is_recent_for_less_than_a_minute_stored_naive_or_aware(elapsed_s, naive):
    now = utcnow()
    last = now - timedelta(seconds=elapsed_s)
    stored = last.replace(tzinfo=None) if naive else last
    assert service.used_lately(stored, now) == (timedelta(seconds=elapsed_s) < service.TOKEN_STAMP)
