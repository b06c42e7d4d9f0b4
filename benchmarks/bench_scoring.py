"""Scoring a 2-hour drill record with 300 team actions and a 120-minute audience series: < 1 s.

Cold caches each run, so the statement analysis of every action is included.
"""

import json
import random
import statistics
import time
from pathlib import Path

from app.analysis import analyse
from app.analysis.frame import claim_terms, topic_keys
from app.analysis.tokens import lemma_key, same_key, stem
from app.scoring.core import parse_record, score_record
from app.scoring.core.text import analyse_text
from app.scoring.core.tone import analyse_tone
from benchmarks.table import Result

FIXTURE = Path(__file__).resolve().parents[1] / "examples/records/good-drill-en.json"
GOAL_S = 1.0
RUNS = 5
KINDS = [
    "statement",
    "reply",
    "reply",
    "correct_rumour",
    "checklist_done",
    "request_approval",
    "approve",
    "note",
    "flag_rumour",
]
SENTENCES = [
    "We are aware that batch L2304 of strawberry yoghurt may contain listeria.",
    "We are so sorry for the worry this causes you and your family.",
    "If you bought it, do not eat it and return it for a full refund.",
    "We do not yet know how this happened; next update at {hour}pm.",
    "It is false that Brightwater yoghurt killed a child in Leeds.",
    "Nous sommes désolés : ne consommez pas le lot L2304.",
    "Our supplier is responsible for this isolated incident.",
    "Thank you for your patience, order {n} will be refunded.",
]


def _injects_and_rumours(scenario: dict) -> None:
    """40 injects every 175 s (half expecting a response) and 8 rumours every 10 minutes."""
    scenario["injects"] = [
        {
            "id": f"i{n}",
            "at_s": n * 175,
            "channel": "x",
            "text": f"Question {n}",
            "expects_response": n % 2 == 0,
        }
        for n in range(40)
    ]
    scenario["rumours"] = [
        {
            "id": f"r{n}",
            "claim": f"Brightwater yoghurt poisoned pupils in school {n}",
            "appears_at_s": 600 * n,
        }
        for n in range(8)
    ]


def _action(rng: random.Random, n: int) -> dict:
    """The n-th action, of a random kind, every 24 s or so."""
    kind = rng.choice(KINDS)
    text = " ".join(rng.sample(SENTENCES, 2)).format(hour=rng.randint(1, 9), n=n)
    action = {
        "at_s": round(n * 24 + rng.random() * 20, 1),
        "kind": kind,
        "role": rng.choice(["spokesperson", "community"]),
    }
    return (
        action
        | {
            "statement": {"text": text, "ref": f"s{n}"},
            "reply": {"text": text, "in_reply_to": f"i{rng.randrange(40)}"},
            "correct_rumour": {"text": text, "rumour": f"r{rng.randrange(8)}"},
            "checklist_done": {"item": rng.choice(["c1", "c2", "c3"])},
            "request_approval": {"text": text, "ref": f"s{n + 1}"},
            "approve": {"ref": f"s{n}", "role": "legal"},
            "note": {"text": text},
            "flag_rumour": {"rumour": f"r{rng.randrange(8)}"},
        }[kind]
    )


def big_record(seed: int = 2024) -> dict:
    """A 2-hour record: 40 injects, 8 rumours, 300 actions of every kind, 120 outcome minutes."""
    rng = random.Random(seed)
    record = json.loads(FIXTURE.read_text(encoding="utf-8"))
    _injects_and_rumours(record["scenario"])
    record["actions"] = [_action(rng, n) for n in range(300)]
    record["audience_outcome"] = {
        "final_sentiment": 0.1,
        "peak_anger": 0.6,
        "recovery_s": 4000,
        "series": [
            {"minute": m, "sentiment": round(-0.5 + m / 240, 3), "anger": round(0.6 - m / 240, 3)}
            for m in range(121)
        ],
    }
    return record


def _clear_caches() -> None:
    for cached in (
        analyse_text,
        analyse_tone,
        analyse,
        claim_terms,
        topic_keys,
        lemma_key,
        stem,
        same_key,
    ):
        cached.cache_clear()


def run() -> list[Result]:
    """Median wall and CPU time of parsing and scoring the record from cold caches.

    The CPU time is shown beside the wall time because the machine may be shared.
    """
    record = big_record()
    wall, cpu = [], []
    for _ in range(RUNS):
        _clear_caches()
        start, start_cpu = time.perf_counter(), time.process_time()
        score_record(parse_record(record))
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return [
        Result(
            benchmark="scoring",
            metric=f"score 2-hour record, 300 actions, analysis included ({label}, median)",
            value=statistics.median(times) * 1000,
            unit="ms",
            goal=f"< {GOAL_S * 1000:.0f} ms",
            ok=statistics.median(times) < GOAL_S,
        )
        for label, times in (("wall", wall), ("CPU", cpu))
    ]
