"""The session store reads a session with one fixed statement, as Django's db backend
would: an expired or unknown key is no session."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from plenary.core.sessions import SessionStore


def test_a_stored_session_is_read_back(db, django_assert_num_queries):
    stored = SessionStore()
    stored["who"] = "peru_delegate"
    stored.create()

    read = SessionStore(session_key=stored.session_key)
    with django_assert_num_queries(1):
        assert read["who"] == "peru_delegate"


def test_an_expired_or_unknown_session_is_none_and_a_new_key_is_made(db):
    stored = SessionStore()
    stored["who"] = "peru_delegate"
    stored.create()
    Session.objects.filter(session_key=stored.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    expired = SessionStore(session_key=stored.session_key)
    assert "who" not in expired
    assert expired.session_key is None

    unknown = SessionStore(session_key="x" * 32)
    assert unknown.load() == {}
    assert unknown.session_key is None
