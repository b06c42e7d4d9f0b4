"""Golden output: the exact bytes the engine and `storm preview --jsonl` produced before the
performance work, so an optimisation that changes a single byte fails."""

import hashlib
import json
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from app.cli import app
from app.scenarios.loader import load_file
from app.storm import Action, Post, Storm, engagement_at, post_json
from app.storm.cli import write_jsonl
from app.storm.serialize import jsonl_chunks
from tests.storm.sample import sample_data, sample_scenario

ROOT = Path(__file__).resolve().parents[2]
ACTIONS = [
    Action(at_s=120, kind="statement", text="No comment."),
    Action(
        at_s=420,
        kind="statement",
        text="We are deeply sorry. Here is what we know: three lots. Do not consume them.",
    ),
    Action(at_s=900, kind="correct_rumour", rumour="hospital", text="False: no one in hospital."),
    Action(at_s=1500, kind="reply", text="Nous sommes désolés, appelez le numéro vert.", id="r1"),
]
GOLDEN = {
    ("sample", "en", 7, False): "b56ee5cced1365506dfbb9639f109c14",
    ("sample", "en", 7, True): "2c02bc2b7aa5563e7229369119ecc41e",
    ("sample", "en", 2026, False): "12fd9e897abf44cb040cc4b5cf8cfcb6",
    ("sample", "en", 2026, True): "8c2f447f6dfa883ec3cd663e4ef29bdf",
    ("sample", "fr", 7, False): "f36f05f6bb1c7bf09b4bf6add12db330",
    ("sample", "fr", 7, True): "c60bf3ed7f0e141aae437cc0847bf97b",
    ("sample", "fr", 2026, False): "0ed9b27a17c31ac2683662fd654f9486",
    ("sample", "fr", 2026, True): "1cd4416cf4c6b2897dcc4fcc2e1a88a7",
    ("data-breach", "en", 7, False): "730d4f9b3681b48f151c34df3330906a",
    ("data-breach", "en", 7, True): "d04887b961d277e73798f990ae109bdb",
    ("data-breach", "en", 2026, False): "499a3c8b846019e0a6e1c95c57c0ab42",
    ("data-breach", "en", 2026, True): "8d191264f470fd8105535caf9b5f17ed",
    ("data-breach", "fr", 7, False): "dbfca15f596c15c822f029e380b74d81",
    ("data-breach", "fr", 7, True): "6e1be3c51356e5b17cd75c0d5743f659",
    ("data-breach", "fr", 2026, False): "6b70d7e0f05daf6213c11808b3feeb0f",
    ("data-breach", "fr", 2026, True): "00b7ca28fe5cd5ee87314388bc335caa",
}
PREVIEW_JSONL = "74c30678ebb006db2ba90b592fee48b955a8067d7fdd71dff7d29944738bf176"
PREVIEW_FEED = "b5824a88adc8c9bd3c8025df54d2f20c82107de9bdb3ffd39daff4eae986b0b9"
STREAMED = "67528bc21caf759c3273bda17719486ab480213ed339c6659c2c13dafc1ec416"


def scenario_for(name: str):
    """The sample scenario, or a library scenario read straight from its file."""
    if name == "sample":
        return sample_scenario()
    return load_file(ROOT / "scenarios" / f"{name}.yaml")


def digest(name: str, language: str, seed: int, with_actions: bool) -> str:
    """The sha256 (128 bits) of 40 minutes of canonical JSON lines and the audience series."""
    storm = Storm(scenario_for(name), seed, None, language, volume_scale=3)
    acts = ACTIONS if with_actions else []
    lines = [post_json(p) for p in storm.stream(acts, 0, 2400)]
    lines += [repr(a) for a in storm.audience_series(acts, 2400, 300)]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:32]


@pytest.mark.parametrize("key", sorted(GOLDEN))
def test_the_engine_output_is_byte_for_byte_the_recorded_one(key):
    assert digest(*key) == GOLDEN[key]


def test_the_jsonl_stream_is_byte_for_byte_the_recorded_one(tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    storm = Storm(sample_scenario(), 5, None, "fr", volume_scale=4)
    with out.open("w", encoding="utf-8") as handle:
        monkeypatch.setattr(sys, "stdout", handle)
        write_jsonl(storm.stream(ACTIONS, 0, 3600), 3600)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == STREAMED


def test_the_preview_command_prints_the_recorded_bytes(tmp_path):
    data = sample_data()
    scenario_file = tmp_path / f"{data['id']}.yaml"
    scenario_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    actions = tmp_path / "actions.json"
    actions.write_text(json.dumps([{"at_s": 60, "kind": "statement", "text": "No comment."}]))
    args = ["storm", "preview", str(scenario_file), "--seed", "3", "--lang", "fr"]
    args += ["--until", "20m", "--volume-scale", "2", "--actions", str(actions)]
    jsonl = CliRunner().invoke(app, [*args, "--jsonl"])
    feed = CliRunner().invoke(app, args)
    assert jsonl.exit_code == 0 and feed.exit_code == 0
    assert hashlib.sha256(jsonl.output.encode()).hexdigest() == PREVIEW_JSONL
    assert hashlib.sha256(feed.output.encode()).hexdigest() == PREVIEW_FEED


def test_jsonl_chunks_match_post_json_for_posts_built_by_their_constructor(storm_en):
    author = storm_en.posts([], 0, 60)[0].author
    posts = [
        Post("p-1", 1000, author, "plain", "en", "neutral", "storm", likes_max=9, reposts_max=1),
        Post("p-2", 2000, author, 'a "quote"', "fr", "negative", "reply_bad", reply_to="p-1"),
        Post("i-x", 3000, author, "news", "en", "neutral", "inject", rumour="r", inject="x"),
    ]
    counts = [engagement_at(p, 60) for p in posts]
    expected = [
        post_json(p, f',"likes":{likes},"reposts":{reposts}')
        for p, (likes, reposts) in zip(posts, counts, strict=True)
    ]
    assert b"".join(jsonl_chunks(posts, 60, batch=2)) == ("\n".join(expected) + "\n").encode()
