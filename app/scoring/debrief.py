"""The lessons-learned survey each participant answers once a drill has ended (HSEEP hot wash).

Only people who held a role in the drill answer, and only after it ended; answering again
replaces the earlier answer. The review shows every answer beside the score.
"""

from sqlmodel import Session, select

from app.accounts.models import User
from app.core.db import utcnow
from app.core.errors import Conflict, Forbidden
from app.core.i18n import gettext as _
from app.drills import service as drills
from app.drills.clock import ClockStatus
from app.drills.models import Drill
from app.scoring.models import DebriefAnswer, DebriefIn


def is_participant(*, session: Session, drill: Drill, user: User) -> bool:
    """Whether `user` held a role in the drill."""
    return any(p.user_id == user.id for p in drills.participants(session=session, drill=drill))


def answer_of(*, session: Session, drill: Drill, user: User) -> DebriefAnswer | None:
    """The user's own answer, if they gave one."""
    return session.exec(
        select(DebriefAnswer).where(
            DebriefAnswer.drill_id == drill.id, DebriefAnswer.user_id == user.id
        )
    ).first()


def list_answers(*, session: Session, drill: Drill) -> list[tuple[DebriefAnswer, User]]:
    """Every answer of the drill with who gave it, oldest first."""
    return list(
        session.exec(
            select(DebriefAnswer, User)
            .join(User, User.id == DebriefAnswer.user_id)
            .where(DebriefAnswer.drill_id == drill.id)
            .order_by(DebriefAnswer.created_at, DebriefAnswer.id)
        ).all()
    )


def save_answer(
    *, session: Session, drill: Drill, user: User, answer_in: DebriefIn
) -> DebriefAnswer:
    """Record (or replace) a participant's answer; refused before the end or to non-participants."""
    if not is_participant(session=session, drill=drill, user=user):
        raise Forbidden(_("Only the people who held a role in this drill answer its debrief."))
    if drills.reading(session=session, drill=drill).status != ClockStatus.ended:
        raise Conflict(_("The debrief opens when the drill has ended."))
    row = answer_of(session=session, drill=drill, user=user) or DebriefAnswer(
        drill_id=drill.id, user_id=user.id, confidence=answer_in.confidence
    )
    row.went_well = answer_in.went_well.strip()
    row.to_change = answer_in.to_change.strip()
    row.confidence = answer_in.confidence
    row.updated_at = utcnow()
    session.add(row)
    session.commit()
    session.refresh(row)
    return row
