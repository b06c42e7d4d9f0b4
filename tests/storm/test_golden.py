"""Golden output: the exact bytes the engine and `storm preview --jsonl` produce, so an
optimisation that changes a single byte fails.

Recorded again when the engine moved from one generator seeding per one-second slot to one per
ten-second tick, with sorted slot times and reused uniforms, and again when table cells came to
be drawn as random bits and post counts by transformed rejection (docs/storm.md, Performance):
the draws changed, not the model; every other optimisation kept these bytes. Recorded again
on purpose when no account could post the same text twice any more (readings by half-minute,
another author for a second post in one) and viral moments gained a source post, and when
data-breach's journalist, regulator and reply templates became grammars (issue 13)."""

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
    ("data-breach", "en", 2026, False): "4e9c3a39786914a810d0da69b3a00496",
    ("data-breach", "en", 2026, True): "1c9cc1a586878a4e930ad3226a9886b0",
    ("data-breach", "en", 7, False): "7c64cceeded92b0a8063558f1b702e70",
    ("data-breach", "en", 7, True): "1e6c011b395a896ed20d692b747eafa5",
    ("data-breach", "fr", 2026, False): "11568d0ef4cbbe828d94e47e2e0b0606",
    ("data-breach", "fr", 2026, True): "b7c2baef6dd5c4425211e6ab7acca1f3",
    ("data-breach", "fr", 7, False): "defa6f37ac6ab26af5164dd2cd55312b",
    ("data-breach", "fr", 7, True): "83775fe837030e6f46975eb8a2f2e220",
    ("sample", "en", 2026, False): "34d8b84a714254de882b7d9d88706fb5",
    ("sample", "en", 2026, True): "4aff046c4cd174957d1e555e919d539c",
    ("sample", "en", 7, False): "d549af381055d2acc271254dd0cda1e6",
    ("sample", "en", 7, True): "3965b5b2f9e9f8fac634edd01ff676bd",
    ("sample", "fr", 2026, False): "200f232594cc0c85c9241db52464b772",
    ("sample", "fr", 2026, True): "eed5f1a6f0104ce83185c48b8d7db339",
    ("sample", "fr", 7, False): "2df5fde6bc202ecb6897526beb3256ba",
    ("sample", "fr", 7, True): "82b5b25e622dba301aeebb4eddece053",
}
PREVIEW_JSONL = "06ec03252c4f59cc4c9edcd56853181e9914be1e5312f5615391e972e419314f"
PREVIEW_FEED = "8e09475b4cfedd1a73ce85eece26ef229dc36b5b1ce85ede33fa4f0f32958f89"
STREAMED = "f684136262502177d4952dcc76d87ee4174eaa08aa59f306f5353ef1aaaa91a6"


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
