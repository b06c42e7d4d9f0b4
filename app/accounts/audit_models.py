"""The audit log's table and its schemas: who did what, when and from where, per organisation."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, DateTime, Index, String
from sqlmodel import Field, SQLModel

from app.core.db import utcnow
from app.core.i18n import lazy_gettext
from app.core.schemas import UtcDatetime


class AuditAction(StrEnum):
    """What an audit event records; other domains log theirs through `audit.record`."""

    sign_in = "sign_in"
    sign_in_failed = "sign_in_failed"
    sign_out = "sign_out"
    password_changed = "password_changed"
    member_invited = "member_invited"
    invitation_accepted = "invitation_accepted"
    invitation_revoked = "invitation_revoked"
    role_changed = "role_changed"
    member_removed = "member_removed"
    token_created = "token_created"
    token_revoked = "token_revoked"
    plan_approved = "plan_approved"
    drill_started = "drill_started"
    drill_ended = "drill_ended"
    score_overridden = "score_overridden"
    settings_changed = "settings_changed"
    scenario_created = "scenario_created"
    scenario_cloned = "scenario_cloned"
    scenario_imported = "scenario_imported"
    scenario_edited = "scenario_edited"
    scenario_deleted = "scenario_deleted"
    bank_inject_saved = "bank_inject_saved"
    bank_inject_used = "bank_inject_used"
    bank_inject_deleted = "bank_inject_deleted"


ACTION_LABELS = {
    AuditAction.sign_in: lazy_gettext("Signed in"),
    AuditAction.sign_in_failed: lazy_gettext("Failed sign-in"),
    AuditAction.sign_out: lazy_gettext("Signed out"),
    AuditAction.password_changed: lazy_gettext("Changed their password"),
    AuditAction.member_invited: lazy_gettext("Invited someone"),
    AuditAction.invitation_accepted: lazy_gettext("Accepted an invitation"),
    AuditAction.invitation_revoked: lazy_gettext("Cancelled an invitation"),
    AuditAction.role_changed: lazy_gettext("Changed a role"),
    AuditAction.member_removed: lazy_gettext("Removed a member"),
    AuditAction.token_created: lazy_gettext("Created an API token"),
    AuditAction.token_revoked: lazy_gettext("Revoked an API token"),
    AuditAction.plan_approved: lazy_gettext("Approved a plan"),
    AuditAction.drill_started: lazy_gettext("Started a drill"),
    AuditAction.drill_ended: lazy_gettext("Ended a drill"),
    AuditAction.score_overridden: lazy_gettext("Overrode a score"),
    AuditAction.settings_changed: lazy_gettext("Changed the organisation's settings"),
    AuditAction.scenario_created: lazy_gettext("Created a scenario"),
    AuditAction.scenario_cloned: lazy_gettext("Copied a library scenario"),
    AuditAction.scenario_imported: lazy_gettext("Imported a scenario"),
    AuditAction.scenario_edited: lazy_gettext("Edited a scenario"),
    AuditAction.scenario_deleted: lazy_gettext("Deleted a scenario"),
    AuditAction.bank_inject_saved: lazy_gettext("Saved an inject to the bank"),
    AuditAction.bank_inject_used: lazy_gettext("Added a bank inject to a scenario"),
    AuditAction.bank_inject_deleted: lazy_gettext("Deleted an inject from the bank"),
}


class AuditEvent(SQLModel, table=True):
    """One audited event of an organisation; the actor's email is kept as it was then."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_org_created", "organisation_id", "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True, ondelete="CASCADE")
    actor_id: int | None = Field(default=None, foreign_key="user_account.id", ondelete="SET NULL")
    actor_email: str = Field(default="", max_length=254)
    action: AuditAction = Field(sa_type=String(40))
    target: str = Field(default="", max_length=300)
    detail: str = Field(default="", max_length=300)
    address: str = Field(default="", max_length=64)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False)
    )


class AuditEventPublic(SQLModel):
    """An audit event as the exports and the API show it."""

    id: int
    created_at: UtcDatetime
    action: AuditAction
    actor_email: str
    target: str
    detail: str
    address: str


class AuditEventsPublic(SQLModel):
    """One page of the audit log, newest first; `next_before` asks for the older page."""

    data: list[AuditEventPublic]
    count: int
    next_before: int | None
