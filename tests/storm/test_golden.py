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
    ("data-breach", "en", 2026, False): "ad9a52bbd703e0e1b6d70c5161423ee6",
    ("data-breach", "en", 2026, True): "903d92066385583ef88109ccc996f9cd",
    ("data-breach", "en", 7, False): "5c9411f8a32010f42cd4d7edb5e60ae0",
    ("data-breach", "en", 7, True): "18ca06ebf9172823df8ba8fd032fe026",
    ("data-breach", "fr", 2026, False): "0230a066d073fa90c6f0b4b6124b1d2a",
    ("data-breach", "fr", 2026, True): "e13fae92fdac1ab5fa0e6c8ba57f7fdc",
    ("data-breach", "fr", 7, False): "eef6d718e11ac900ba22c7f4adc06024",
    ("data-breach", "fr", 7, True): "504b3b92a1c58767f0f4c45859d8d6f0",
    ("sample", "en", 2026, False): "55da6eee9df48d50eb886b03199e6942",
    ("sample", "en", 2026, True): "09a17ff4506b7136bcb7a42e34d7f750",
    ("sample", "en", 7, False): "32d7f33287ca390a4ae95b6ee049083f",
    ("sample", "en", 7, True): "ff6e41c4fa160cba1a4a65ba87cfd565",
    ("sample", "fr", 2026, False): "3c5b2cff3416e099253c3c94624d5a9c",
    ("sample", "fr", 2026, True): "1398b978ce86c0b3634a64cb6ef34682",
    ("sample", "fr", 7, False): "ed80304574fe7e0bbf7d05b1175de0e4",
    ("sample", "fr", 7, True): "04baafb074c7e4150abf7cc69ee7bfb2",
}
PREVIEW_JSONL = "caa21bb80e4fb55a092c6df6745f94fd60002224456b52a42a17f2069d8e60d0"
PREVIEW_FEED = "41201f3e2a70087398b07363279e4d9de585b8399208cf9a3bad0215a13a98d5"
STREAMED = "50d334e913b0f29cfc55b87131ac0b27ad197d3ff39dd0cb0d7ffa784b948cc4"


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
