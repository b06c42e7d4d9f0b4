"""Injects during a drill: scenario injects as scheduled or fired early, and ad-hoc ones."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from app.analysis import analyse
from app.core.db import utcnow
from app.core.errors import Conflict, NotFound
from app.core.i18n import gettext as _
from app.drills import service
from app.drills.clock import ClockStatus
from app.drills.models import Drill, DrillInject, InjectCreate, InjectSource
from app.drills.record import conditional_fires, follow_up_entries
from app.drills.rules import PUBLIC_KINDS
from app.scoring.core.context import claims_frame, denies


def stored_injects(*, session: Session, drill: Drill) -> list[DrillInject]:
    """The injects fired early or written ad hoc, in time order."""
    return list(
        session.exec(
            select(DrillInject)
            .where(DrillInject.drill_id == drill.id)
            .order_by(DrillInject.at_s, DrillInject.id)
        ).all()
    )


def fired_times(*, session: Session, drill: Drill) -> dict[str, float]:
    """When each scenario inject fired early did fire."""
    return {
        row.inject_key: row.at_s
        for row in stored_injects(session=session, drill=drill)
        if row.source == InjectSource.scenario
    }


def conditional(*, session: Session, drill: Drill, fired: dict[str, float]) -> dict:
    """The conditional injects the team's actions make fire (inject id → (second, why)), those
    still to come included: recomputed from the actions (`Storm.branches`), nothing stored."""
    from app.drills import actions, export  # export reads this module's timeline

    rows = actions.list_actions(session=session, drill=drill)
    return conditional_fires(export.storm_for(drill), export.storm_actions(rows), fired)


def timeline(*, session: Session, drill: Drill) -> list[dict]:
    """Every inject of the drill at its (possibly early) time: scenario's and ad-hoc; of the
    conditional ones, those the actions make fire, at that time."""
    scenario = service.scenario_of(drill)
    fired = fired_times(session=session, drill=drill)
    branched = conditional(session=session, drill=drill, fired=fired)
    entries = []
    for inject in scenario.injects:
        if inject.when is not None and inject.id not in branched:
            continue
        at_s, because = branched.get(inject.id, (fired.get(inject.id, float(inject.at)), None))
        shift = at_s - inject.at
        entries.append(
            {
                "id": inject.id,
                "at_s": at_s,
                "channel": inject.channel.value,
                "actor": inject.actor.name,
                "persona": inject.actor.persona.value,
                "text": inject.content.get(drill.language),
                "expects_response": inject.expects_response,
                "deadline_s": None if inject.deadline is None else inject.deadline + shift,
                "priority": inject.priority.value,
                "source": InjectSource.scenario.value,
                "fired_early": inject.id in fired and inject.when is None,
                "rumour": inject.rumour,
                "fired_because": because,
            }
        )
    for row in stored_injects(session=session, drill=drill):
        if row.source == InjectSource.adhoc:
            entries.append(
                {
                    "id": row.inject_key,
                    "at_s": row.at_s,
                    "channel": row.channel,
                    "actor": row.actor_name,
                    "persona": row.persona,
                    "text": row.content,
                    "expects_response": row.expects_response,
                    "deadline_s": row.deadline_s,
                    "priority": row.priority,
                    "source": InjectSource.adhoc.value,
                    "fired_early": False,
                    "rumour": None,
                    "fired_because": None,
                }
            )
    entries += follow_ups(session=session, drill=drill)
    return sorted(entries, key=lambda entry: (entry["at_s"], entry["id"]))


def follow_ups(*, session: Session, drill: Drill) -> list[dict]:
    """The journalists' follow-up questions on the team's statements, which the storm sends
    (`Storm.follow_ups`): recomputed from the actions, so nothing is stored."""
    from app.drills import actions, export  # export reads this module's timeline

    rows = actions.list_actions(session=session, drill=drill)
    asked = export.storm_for(drill).follow_ups(export.storm_actions(rows))
    return [
        {
            **entry,
            "persona": "journalist",
            "priority": "high",
            "source": "storm",
            "fired_early": False,
            "rumour": None,
            "fired_because": None,
        }
        for entry in follow_up_entries(asked)
    ]


def corrected_rumours(drill: Drill, actions: Iterable[Any], timeline: list[dict]) -> set[str]:
    """The rumours a correction of the team denies, as the statement analysis reads it.

    The same reading as the score's (a correction that does not deny its rumour corrects
    nothing), against the drill's facts, rumours and injects.
    """
    corrections = [a for a in actions if a.kind == "correct_rumour" and a.rumour and a.text]
    if not corrections:
        return set()
    scenario = service.scenario_of(drill)
    frame = claims_frame(
        drill.language,
        drill.brand,
        [(f.id, f.text.get(drill.language)) for f in scenario.facts],
        [(r.id, r.claim.get(drill.language)) for r in scenario.rumours],
        [entry["text"] for entry in timeline],
    )
    return {a.rumour for a in corrections if denies(analyse(a.text, frame), a.rumour)}


def answered(drill: Drill, actions: Iterable[Any], timeline: list[dict]) -> set[str]:
    """Ids of the injects and posts the team answered publicly: replied to, or whose rumour
    it corrected (a correction answers every inject carrying that rumour)."""
    actions = list(actions)
    refs = {a.in_reply_to for a in actions if a.kind in PUBLIC_KINDS and a.in_reply_to}
    corrected = corrected_rumours(drill, actions, timeline)
    return refs | {entry["id"] for entry in timeline if entry.get("rumour") in corrected}


def _running_sim_s(*, session: Session, drill: Drill, now: datetime | None) -> float:
    current = service.reading(session=session, drill=drill, now=now or utcnow())
    if current.status not in (ClockStatus.running, ClockStatus.paused):
        raise Conflict(
            _("The drill is %(status)s: no injects now.", status=current.status.value),
            field="clock",
        )
    return round(current.sim_s, 3)


def fire_inject(
    *, session: Session, drill: Drill, inject_key: str, now: datetime | None = None
) -> DrillInject:
    """Fire a scenario inject now, before its scheduled time (once, under the drill's lock)."""
    inject = next((i for i in service.scenario_of(drill).injects if i.id == inject_key), None)
    if inject is None:
        raise NotFound(_("The scenario has no inject “%(id)s”.", id=inject_key), field="inject")
    if inject.when is not None:
        raise Conflict(_("This inject fires on a condition of the drill."), field="inject")
    with service.locked(session=session, drill=drill):
        at_s = _running_sim_s(session=session, drill=drill, now=now)
        if inject.at <= at_s or inject_key in fired_times(session=session, drill=drill):
            raise Conflict(_("This inject has already happened."), field="inject")
        shift = at_s - inject.at
        row = DrillInject(
            drill_id=drill.id,
            inject_key=inject.id,
            at_s=at_s,
            channel=inject.channel.value,
            actor_name=inject.actor.name,
            persona=inject.actor.persona.value,
            content=inject.content.get(drill.language),
            language=drill.language,
            expects_response=inject.expects_response,
            deadline_s=None if inject.deadline is None else inject.deadline + shift,
            priority=inject.priority.value,
            source=InjectSource.scenario.value,
        )
        session.add(row)
        session.commit()
    session.refresh(row)
    return row


def create_adhoc_inject(
    *, session: Session, drill: Drill, inject_in: InjectCreate, now: datetime | None = None
) -> DrillInject:
    """An inject the facilitator writes now; its deadline counts from now.

    Its key numbers the drill's ad-hoc injects, under the drill's lock so none is reused.
    """
    with service.locked(session=session, drill=drill):
        at_s = _running_sim_s(session=session, drill=drill, now=now)
        stored = stored_injects(session=session, drill=drill)
        count = sum(1 for row in stored if row.source == InjectSource.adhoc)
        row = DrillInject(
            drill_id=drill.id,
            inject_key=f"adhoc-{count + 1}",
            at_s=at_s,
            channel=inject_in.channel.value,
            actor_name=inject_in.actor_name,
            persona=inject_in.persona.value,
            content=inject_in.content,
            language=drill.language,
            expects_response=inject_in.expects_response,
            deadline_s=None if inject_in.deadline_s is None else at_s + inject_in.deadline_s,
            priority=inject_in.priority.value,
            source=InjectSource.adhoc.value,
        )
        session.add(row)
        session.commit()
    session.refresh(row)
    return row
