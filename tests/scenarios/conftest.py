"""A minimal valid scenario, as YAML text, that the loader tests break one field at a time."""

from pathlib import Path

import pytest

VALID = """\
id: mini
title: {en: Mini crisis, fr: Mini crise}
summary: {en: A small crisis., fr: Une petite crise.}
crisis_type: tutorial
responsibility: accident
severity: 1
duration: 10m
brand:
  name: Café Test
  handle: "@cafetest"
  placeholders:
    product: {en: croissant, fr: croissant}
hashtags: {en: ["#CafeTest"], fr: ["#CaféTest"]}
facts:
  - id: closed
    text: {en: The café closed for a day., fr: Le café a fermé une journée.}
rumours:
  - id: rats
    claim: {en: There are rats., fr: Il y a des rats.}
    appears_at: 3m
    initial_reach: 0.05
    spread_rate: 0.2
    key_terms: {en: [inspection], fr: [inspection]}
    contradicts: [closed]
phases:
  - id: onset
    name: {en: Onset, fr: Début}
    start: 0
    end: 5m
    volume: {start_per_min: 1, end_per_min: 3}
    personas: {angry_customer: 2, supporter: 1}
  - id: decay
    name: {en: Decay, fr: Décrue}
    start: 5m
    end: 10m
    volume: {start_per_min: 3, end_per_min: 1, shape: decay}
    personas: {angry_customer: 1}
templates:
  en:
    - {persona: angry_customer, sentiment: negative, text: "no {product} at {brand}??"}
    - {persona: supporter, sentiment: positive, text: "love {brand_handle} {hashtag}"}
    - {persona: bot, sentiment: negative, text: "RATS at {brand}", context: rumour, rumour: rats}
  fr:
    - {persona: angry_customer, sentiment: negative, text: "pas de {product} chez {brand} ??"}
    - {persona: supporter, sentiment: positive, text: "on vous aime {brand_handle}"}
    - {persona: bot, sentiment: negative, text: "RATS chez {brand}", context: rumour, rumour: rats}
injects:
  - id: call
    at: 2m
    channel: phone_call
    actor: {name: Jo Reporter, persona: journalist, outlet: Local News}
    content: {en: "Is {brand} closed?", fr: "{brand} est fermé ?"}
    expects_response: true
    deadline: 6m
    priority: high
    rumour: rats
expectations:
  - id: fast
    metric: time_to_first_response_s
    target: 180
    description: {en: Answer within 3 minutes., fr: Répondre en 3 minutes.}
"""


@pytest.fixture
def write(tmp_path: Path):
    """Write YAML text to `<stem>.yaml` in a temporary folder and return its path."""

    def _write(text: str, stem: str = "mini") -> Path:
        path = tmp_path / f"{stem}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return _write
