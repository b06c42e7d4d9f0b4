"""Domain errors raised by services; one handler maps them to HTTP for HTML and JSON."""


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    """The thing does not exist, or belongs to another organisation."""

    status_code = 404


class Forbidden(DomainError):
    """The user is known but their role does not allow this."""

    status_code = 403


class NotAuthenticated(DomainError):
    """No valid session or token."""

    status_code = 401


class Conflict(DomainError):
    """The write is stale or clashes with existing data."""

    status_code = 409


class Invalid(DomainError):
    """A value is refused; `field` names it, `problems` every (field, message) when several are."""

    status_code = 422

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        problems: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(message, field=field)
        self.problems = problems or []


class RateLimited(DomainError):
    """Too many attempts in the current window."""

    status_code = 429
