"""Password hashing, opaque tokens and CSRF tokens: the primitives, no web objects."""

import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of `password`, with its parameters and salt embedded."""
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` matches `password_hash`; never raises on a bad hash."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token(prefix: str = "sd") -> str:
    """A fresh random token, shown once to its owner and stored only as a hash."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def hash_token(token: str) -> str:
    """SHA-256 of a high-entropy token: enough, since it cannot be guessed."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_csrf_token() -> str:
    """A per-session CSRF token."""
    return secrets.token_urlsafe(24)


def same_token(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison that treats a missing side as a mismatch."""
    return bool(expected) and bool(given) and hmac.compare_digest(expected, given)
