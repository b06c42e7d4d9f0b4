"""Golden output: the exact bytes the engine and `storm preview --jsonl` produce, so an
optimisation that changes a single byte fails.

Recorded again when the engine moved from one generator seeding per one-second slot to one per
ten-second tick, with sorted slot times and reused uniforms, and again when table cells came to
be drawn as random bits and post counts by transformed rejection (docs/storm.md, Performance):
the draws changed, not the model; every other optimisation kept these bytes."""

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
    ("data-breach", "en", 2026, False): "06d6957f9eda4122ef992da2621c4b74",
    ("data-breach", "en", 2026, True): "f654f82385a1e0599342289143a9195f",
    ("data-breach", "en", 7, False): "d8cd58e3fdc055c1501931b4724a1892",
    ("data-breach", "en", 7, True): "e8c6dbf4483f7b13cb9961e7354b12b8",
    ("data-breach", "fr", 2026, False): "7cd89408103f8cb0e7db6a16f085354c",
    ("data-breach", "fr", 2026, True): "490a20c3bf060df88de10ce2c15a78d1",
    ("data-breach", "fr", 7, False): "8ffcbd64f1bd88708bb746ff54931d73",
    ("data-breach", "fr", 7, True): "811e96034362400c9a067a4262bcb438",
    ("sample", "en", 2026, False): "5dd7a7cfd220a8caeb2687460bb3b4b6",
    ("sample", "en", 2026, True): "18de2ab092c566f15ec01f0cfadbbdca",
    ("sample", "en", 7, False): "f1073c8023b8ef12428a9abd28239369",
    ("sample", "en", 7, True): "aa0e493dd104b62068a6789be557e358",
    ("sample", "fr", 2026, False): "64b9b302258d424d8885ce9b3813daa8",
    ("sample", "fr", 2026, True): "93208a04ec00569ef93b817b1be3a4b2",
    ("sample", "fr", 7, False): "dab7733620316288fd5478a5fae3342e",
    ("sample", "fr", 7, True): "8d2c3d8a94722884d52a8001b6e19df2",
}
PREVIEW_JSONL = "276e03f59632004a7a67245b83b974aff7b0524901756fd99ac0904a7e4be0a9"
PREVIEW_FEED = "ca74ed370cb9eead3dd576e54c8103343514d7fdf6c36b7308ae3ac1d3992200"
STREAMED = "53eb27ef16169c86158e799dde06ad10a8e79d7092968eaf81aa3f00f12443a2"


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
