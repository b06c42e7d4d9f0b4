"""Strategy fit (Coombs' SCCT): does the response strategy suit the crisis's responsibility?"""

from app.scoring.core.context import Context, PublicText
from app.scoring.core.report import Metric, clamp, ordered_evidence

# Crisis types (words in the scenario's crisis_type) and the SCCT cluster they fall in.
CLUSTER_HINTS: tuple[tuple[str, str], ...] = (
    ("rumour", "victim"),
    ("rumor", "victim"),
    ("natural", "victim"),
    ("tamper", "victim"),
    ("malevol", "victim"),
    ("cyber", "victim"),
    ("hack", "victim"),
    ("violence", "victim"),
    ("technical", "accident"),
    ("outage", "accident"),
    ("accident", "accident"),
    ("challenge", "accident"),
    ("misdeed", "preventable"),
    ("human", "preventable"),
    ("negligen", "preventable"),
    ("misconduct", "preventable"),
    ("product_harm", "preventable"),
)
DEFEND_FIRST_PENALTY = 30.0
VICTIM_BLAME_PENALTY = 30.0  # scapegoating those affected: a denial strategy SCCT never advises
WEIGHT = 10.0


def responsibility(ctx: Context) -> str | None:
    """The SCCT cluster: the scenario's `responsibility`, else inferred from its crisis_type."""
    scenario = ctx.record.scenario
    if scenario.responsibility:
        return scenario.responsibility
    crisis_type = (scenario.crisis_type or "").lower()
    return next((cluster for hint, cluster in CLUSTER_HINTS if hint in crisis_type), None)


def _first(posts: list[PublicText], *labels: str) -> PublicText | None:
    return next((p for p in posts if set(labels) & set(p.tone.labels)), None)


def strategy_fit(ctx: Context) -> Metric | None:
    """Points for using the strategy the cluster calls for, and for not defending first."""
    posts = ctx.messages
    if not posts:
        return None
    cluster = responsibility(ctx)
    apology = _first(posts, "accountability")
    care = _first(posts, "empathy", "accountability")
    action = _first(posts, "advice", "transparency")
    defence = _first(posts, "defensive", "blame")
    if cluster == "preventable":
        # A preventable crisis calls for a full apology, the sooner the better.
        if apology is None:
            points = 0.0
        else:
            points = 100.0 if posts.index(apology) < 2 else 70.0
        anchor = apology
    elif cluster == "victim":
        # The organisation is a victim too: instructing information first, with sympathy.
        points = (60.0 if action else 0.0) + (40.0 if care else 0.0)
        anchor = action or care
    else:
        # Accidental or unknown: concern for those affected, and what is being done.
        points = (50.0 if care else 0.0) + (50.0 if action else 0.0)
        anchor = care or action
    defended_first = defence is not None and (care is None or defence.step.at_s < care.step.at_s)
    if defended_first:
        points -= DEFEND_FIRST_PENALTY
    blamed = next((p for p in posts if "victims" in p.reading.voice.blames), None)
    if blamed is not None:
        points -= VICTIM_BLAME_PENALTY
    shown = (anchor, defence if defended_first else None, blamed)
    # No post showed the strategy and none defended or blamed: every message was judged.
    cited = {p.step.id for p in shown if p is not None} or {i for p in posts for i in p.ids}
    evidence = ordered_evidence(cited)
    return Metric(
        name="strategy_fit",
        value=cluster or "unknown",
        points=clamp(points),
        weight=WEIGHT,
        evidence=evidence,
    )
