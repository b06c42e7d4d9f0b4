"""Responsiveness: be first (CERC). First response, replies by deadline, latency, silences."""

from statistics import median

from app.record import Inject
from app.scoring.core.context import Context
from app.scoring.core.report import Metric, clamp, linear_points, ordered_evidence

METRIC_WEIGHTS = {
    "time_to_first_response_s": 35.0,
    "priority_reply_rate": 30.0,
    "median_reply_latency_s": 15.0,
    "longest_silence_s": 20.0,
}


def inject_deadline(ctx: Context, inject: Inject) -> float:
    """An inject's absolute deadline; a deadline not after the inject is read as relative."""
    if inject.deadline_s is None:
        return inject.at_s + ctx.deadline_s
    if inject.deadline_s <= inject.at_s:
        return inject.at_s + inject.deadline_s
    return inject.deadline_s


def first_reply(ctx: Context, inject: Inject) -> tuple[float, str] | None:
    """When and by which action the team first answered an inject publicly, saying something:
    a reply to it, or a correction of the rumour it carries (one answers every such inject)."""
    for item in ctx.speaking:
        if item.step.at_s < inject.at_s:
            continue
        if item.step.action.in_reply_to == inject.id or item.corrects(inject.rumour):
            return item.step.at_s, item.step.id
    return None


def _first_response(ctx: Context) -> Metric:
    first = ctx.speaking[0] if ctx.speaking else None
    value = first.step.at_s if first else None
    points = linear_points(value, ctx.deadline_s, 3 * ctx.deadline_s) if first else 0.0
    return Metric(
        name="time_to_first_response_s",
        value=value,
        points=points,
        weight=METRIC_WEIGHTS["time_to_first_response_s"],
        evidence=[first.step.id] if first else [],
        target=ctx.deadline_s,
    )


def _replies(ctx: Context) -> list[Metric]:
    expecting = [i for i in ctx.record.scenario.injects if i.expects_response]
    if not expecting:
        return []
    on_time: list[str] = []
    evidence: set[str] = set()
    latencies: list[float] = []
    for inject in expecting:
        reply = first_reply(ctx, inject)
        evidence.add(f"inject:{inject.id}")
        if reply is None:
            latencies.append(max(0.0, ctx.end_s - inject.at_s))
            continue
        evidence.add(reply[1])
        latencies.append(reply[0] - inject.at_s)
        if reply[0] <= inject_deadline(ctx, inject):
            on_time.append(inject.id)
    rate = len(on_time) / len(expecting)
    target = ctx.kpi_target("median_reply_latency_s") or ctx.deadline_s / 2
    latency = median(latencies)
    return [
        Metric(
            name="priority_reply_rate",
            value=round(rate, 3),
            points=clamp(100 * rate),
            weight=METRIC_WEIGHTS["priority_reply_rate"],
            evidence=ordered_evidence(evidence),
            target=ctx.kpi_target("priority_reply_rate"),
        ),
        Metric(
            name="median_reply_latency_s",
            value=round(latency, 1),
            points=linear_points(latency, target, 4 * target),
            weight=METRIC_WEIGHTS["median_reply_latency_s"],
            evidence=ordered_evidence(evidence),
            target=target,
        ),
    ]


def _developments(ctx: Context) -> list[tuple[float, str]]:
    """Moments that call for the organisation's voice: the start and each expecting inject."""
    found = [(0.0, "start")]
    found += [(i.at_s, f"inject:{i.id}") for i in ctx.record.scenario.injects if i.expects_response]
    return sorted(found)


def _ends_silence(ctx: Context, reply_to: str | None, since: float) -> bool:
    """A post ends a silence unless it only answers something older than the silence."""
    if reply_to is None:
        return True
    answered = next((i for i in ctx.record.scenario.injects if i.id == reply_to), None)
    return answered is None or answered.at_s >= since


def _longest_silence(ctx: Context) -> Metric:
    """The longest wait, after a development, for a public word that addresses it or news."""
    worst, worst_evidence = 0.0, ["start"]
    for since, label in _developments(ctx):
        if since > ctx.end_s:
            continue
        answer = next(
            (
                p
                for p in ctx.speaking
                if p.step.at_s >= since and _ends_silence(ctx, p.step.action.in_reply_to, since)
            ),
            None,
        )
        wait = (answer.step.at_s if answer else ctx.end_s) - since
        if wait > worst:
            worst = wait
            worst_evidence = [label] + ([answer.step.id] if answer else [])
    evidence = [e for e in worst_evidence if e != "start"]
    # A team that never spoke kept its audience waiting the whole drill, however short the
    # record makes it (one with no duration and no action lasts 0 s: the wait has no length).
    points = linear_points(worst, ctx.deadline_s, 4 * ctx.deadline_s) if ctx.speaking else 0.0
    return Metric(
        name="longest_silence_s",
        value=round(worst, 1) if ctx.speaking or worst else None,
        points=points,
        weight=METRIC_WEIGHTS["longest_silence_s"],
        evidence=evidence,
        target=ctx.deadline_s,
    )


def responsiveness(ctx: Context) -> list[Metric]:
    """The responsiveness metrics of a record."""
    return [_first_response(ctx), *_replies(ctx), _longest_silence(ctx)]
