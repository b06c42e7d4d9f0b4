"""Demo drills: four finished drills of the demo plans, reviewed, so the dashboard has trends.

Each drill is played through the drills services with real (backdated) clock events, as a live
drill would be: set up, roster assigned, started, the team's actions stamped by the clock, ended
(which marks the plan drilled), then scored once with `review_of`. Short scenarios and early
cut-offs keep `stormdrill demo` quick.
"""

from datetime import datetime, timedelta

from sqlmodel import Session, select

from app.accounts.models import Organisation, Role, User
from app.core.db import utcnow
from app.drills import actions
from app.drills import service as drills
from app.drills.clock import ClockEventKind
from app.drills.models import ActionCreate, AssignIn, Assignment, Drill, DrillCreate
from app.plans import items, sections
from app.plans import service as plans
from app.plans.catalogue import PlanStatus
from app.plans.models import Plan, PlanAction
from app.plans.schemas import ActionUpdate
from app.scoring import improvements, reviews
from app.scoring.demo_scripts import DEMO_DRILLS, DemoDrill
from app.scoring.models import ImprovementCreate, MetricOverride, ReviewAnnotation

TRAINER = "trainer@demo.stormdrill.test"
SUMMARIES = (
    "Première prise en main : réponse tardive et sans empathie, rumeur non traitée. "
    "À retravailler : le message d'attente et la veille.",
    "The team answered, but late and coldly; the rumour about bank details was never corrected. "
    "Next time: holding line within 15 minutes, rumour watch from the start.",
    "Nette progression : message d'attente validé en 12 minutes, excuses sincères, rumeur du "
    "décès corrigée en 3 minutes. Il manque un message prêt pour les signalements de malades.",
    "A sharp drill: apology and facts within 7 minutes, every journalist answered, the "
    "rumour about bank details corrected in 3 minutes. Keep this rhythm.",
)


def users_by_email(*, session: Session, emails: set[str]) -> dict[str, User]:
    """The demo people by sign-in email."""
    return {u.email: u for u in session.exec(select(User).where(User.email.in_(emails)))}


def play(
    *, session: Session, org: Organisation, plan: Plan, spec: DemoDrill, now: datetime
) -> Drill:
    """Set up (as the trainer), staff, run and end one demo drill at its (past) moment."""
    version = plans.list_versions(session=session, plan=plan)[0]
    start = now - timedelta(days=spec.ended_days_ago, seconds=spec.cut_s)
    drill_in = DrillCreate(
        plan_version_id=version.id,
        scenario_id=spec.scenario_id,
        language=spec.language,
        seed=spec.seed,
        speed=1,
        scheduled_at=start,
    )
    people = users_by_email(session=session, emails={*spec.team.values(), TRAINER})
    drill = drills.create_drill(session=session, org=org, user=people[TRAINER], drill_in=drill_in)
    drill.created_at = start - timedelta(days=3)
    assignments = [Assignment(user_id=people[e].id, role_key=r) for r, e in spec.team.items()]
    drills.assign(
        session=session, org=org, drill=drill, assign_in=AssignIn(assignments=assignments)
    )
    drills.control(session=session, drill=drill, kind=ClockEventKind.start, speed=1, now=start)
    act_out(session=session, drill=drill, spec=spec, people=people, start=start)
    end = start + timedelta(seconds=spec.cut_s)
    drills.control(session=session, drill=drill, kind=ClockEventKind.end, now=end)
    return drill


def act_out(
    *, session: Session, drill: Drill, spec: DemoDrill, people: dict[str, User], start: datetime
) -> None:
    """Record the team's steps at their clock times; approvals name the request's stored ref."""
    refs: dict[str, str] = {}
    for at_s, role, kind, fields in sorted(spec.steps, key=lambda step: step[0]):
        values = {**fields, "ref": refs.get(fields.get("ref"), fields.get("ref"))}
        label = values.pop("label", None)
        stored = actions.record_action(
            session=session,
            drill=drill,
            user=people[spec.team[role]],
            member_role=Role.member,
            action_in=ActionCreate(kind=kind, role_key=role, **values),
            now=start + timedelta(seconds=at_s),
        )
        if label:
            refs[label] = stored[0].ref


def annotate(*, session: Session, drill: Drill, trainer: User) -> None:
    """Two notes and one justified override on the slow drill's review."""
    when = drills.aware(drill.ended_at) + timedelta(hours=2)
    notes = (
        ("responsiveness", 1560.0, "26 minutes for a holding line: the approver was in a meeting."),
        ("rumour_control", None, "Nobody watched for rumours; the IBAN post went unanswered."),
    )
    for target, at_s, body in notes:
        session.add(
            ReviewAnnotation(
                drill_id=drill.id,
                target_kind="metric",
                target_id=target,
                at_s=at_s,
                body=body,
                author_id=trainer.id,
                created_at=when,
            )
        )
    session.add(
        MetricOverride(
            drill_id=drill.id,
            metric="process",
            value=55.0,
            justification="The team briefed support by phone: not logged, but it was done late.",
            author_id=trainer.id,
            created_at=when,
        )
    )
    session.commit()


def summarise(*, session: Session, played: list[Drill], trainer: User) -> None:
    """Score each drill once (cached) and write the trainer's summary."""
    for drill, summary in zip(played, SUMMARIES, strict=True):
        review = reviews.review_of(session=session, drill=drill)
        review.summary, review.updated_by_id = summary, trainer.id
        review.updated_at = drills.aware(drill.ended_at) + timedelta(hours=2)
        session.add(review)
    session.commit()


def add_items(
    *,
    session: Session,
    org: Organisation,
    by_file: dict[str, Plan],
    played: list[Drill],
    people: dict,
) -> None:
    """Three improvement items: one fulfilled by a plan change, one open, one overdue."""
    author, trainer = people["author"], people["trainer"]
    en, fr = by_file["plan-en.yaml"], by_file["plan-fr.yaml"]
    wanted = (
        (
            en,
            played[1],
            "checklist",
            "Brief customer support before the first statement",
            "Support heard about the breach from callers. Move the support brief to 30 minutes.",
        ),
        (
            fr,
            played[2],
            "messages",
            "Ajouter un message clé pour les signalements de malades",
            "Un message prêt à l'emploi quand un client signale un enfant malade.",
        ),
        (
            en,
            played[3],
            "kpis",
            "Tighten the rumour-correction target to 20 minutes",
            "The team now corrects rumours in under 10 minutes; raise the bar.",
        ),
    )
    for plan, drill, section, title, detail in wanted:
        created = drills.aware(drill.ended_at) + timedelta(days=1)
        item_in = ImprovementCreate(
            section=section,
            title=title,
            detail=detail,
            owner_id=author.id,
            due_on=(created + timedelta(days=30)).date(),
        )
        improvements.add_item(
            session=session, plan=plan, drill=drill, user=trainer, item_in=item_in, now=created
        )
    fulfil_support_brief(session=session, org=org, plan=en, author=author, approver=people["admin"])
    improvements.reconcile(session=session, plan_ids=[en.id, fr.id])


def fulfil_support_brief(
    *, session: Session, org: Organisation, plan: Plan, author: User, approver: User
) -> None:
    """The author moves the support brief earlier; the admin approves the plan again (v2)."""
    row = session.exec(
        select(PlanAction).where(PlanAction.plan_id == plan.id, PlanAction.key == "support-brief")
    ).one()
    data = ActionUpdate(
        title=row.title,
        owner_role=row.owner_role,
        due_minutes=30,
        from_severity=row.from_severity,
        version=row.version,
    )
    section = sections.SECTIONS["checklist"]
    items.update_item(
        session=session, org=org, user=author, plan=plan, section=section, row=row, data=data
    )
    for status, by in ((PlanStatus.in_review, author), (PlanStatus.approved, approver)):
        plans.change_status(
            session=session, org=org, user=by, plan=plan, status=status, version=plan.version
        )


def load_drills(*, session: Session, org: Organisation, by_file: dict[str, Plan]) -> list[Drill]:
    """Play, score and review the demo drills; returns them oldest first."""
    now = utcnow()
    for plan in by_file.values():
        plan.created_at = now - timedelta(days=240)
        session.add(plan)
    played = [
        play(session=session, org=org, plan=by_file[spec.plan_file], spec=spec, now=now)
        for spec in DEMO_DRILLS
    ]
    emails = {
        "author": "author@demo.stormdrill.test",
        "trainer": TRAINER,
        "admin": "admin@demo.stormdrill.test",
    }
    found = users_by_email(session=session, emails=set(emails.values()))
    people = {name: found[email] for name, email in emails.items()}
    summarise(session=session, played=played, trainer=people["trainer"])
    annotate(session=session, drill=played[1], trainer=people["trainer"])
    add_items(session=session, org=org, by_file=by_file, played=played, people=people)
    return played
