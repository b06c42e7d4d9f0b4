"""Scoring a posted record within a time budget: in a child process, stopped when it runs over.

A thread cannot be stopped, so a record that takes too long would keep a server thread busy
after its client gave up. The child is forked from the server, so it starts in milliseconds
with the scoring caches warm; it only computes and writes to its pipe, and it is always killed
(SIGKILL: no exit handler touches the sockets it inherited). A child stuck on a lock another
thread held at the fork is killed at the budget like any slow one.
"""

import multiprocessing
from multiprocessing.connection import Connection

from app.core.errors import Invalid
from app.core.i18n import gettext as _
from app.scoring.core import DrillRecord, ScoreReport
from app.scoring.core.tone import warm_up
from app.scoring.service import library_scenario, score_with_library

_CONTEXT = multiprocessing.get_context("fork")


def _score_in_child(record: DrillRecord, sender: Connection) -> None:
    sender.send(score_with_library(record))
    sender.close()


def score_within(record: DrillRecord, *, budget_s: float) -> ScoreReport:
    """The record's report, or Invalid naming `score_budget_s` when scoring takes longer."""
    warm_up()
    library_scenario(record)  # loaded here once, not again in every child
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    child = _CONTEXT.Process(target=_score_in_child, args=(record, sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(budget_s):
            raise Invalid(
                _(
                    "Scoring this record took longer than the budget of %(limit)s s "
                    "(score_budget_s).",
                    limit=budget_s,
                )
            )
        return receiver.recv()
    finally:
        receiver.close()
        child.kill()
        child.join()
