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
    ("data-breach", "en", 2026, False): "ab4102f00809e97cbf61980610b6a1c9",
    ("data-breach", "en", 2026, True): "cbbe2226d2e77296fd79495004c697aa",
    ("data-breach", "en", 7, False): "f4966349e2770560304f4cd0b13412e6",
    ("data-breach", "en", 7, True): "46cd942b795ff44a7be26b6d389afaa4",
    ("data-breach", "fr", 2026, False): "dfed1d9174c99425b90d12a48c7aaaa8",
    ("data-breach", "fr", 2026, True): "0882fccb84cc7b7185a6bf916a1f5f3c",
    ("data-breach", "fr", 7, False): "61f098a03a2bef641c09aee6314d6f80",
    ("data-breach", "fr", 7, True): "3093c2e71de9c06467c17797b9d8fd56",
    ("sample", "en", 2026, False): "e531472fee41b364035bb668cc63afc2",
    ("sample", "en", 2026, True): "fbe28c4799e2e40aa5c5e5f0638a1bc4",
    ("sample", "en", 7, False): "9eab8e5fbbda0bd3f9253b723c373ca0",
    ("sample", "en", 7, True): "d0a604e474bc47c1a920ebe3a372a069",
    ("sample", "fr", 2026, False): "2c1ac5b835821bf84ae8f39b1f215105",
    ("sample", "fr", 2026, True): "7a4772c98978ccbaf9ea089a1586588b",
    ("sample", "fr", 7, False): "434c40ef5b914cb5ca306a8312cbdc04",
    ("sample", "fr", 7, True): "bfc18a594da104e21b5cccc7ebbdc8f4",
}
PREVIEW_JSONL = "3d1554a0527f7223adc227aac862f525346ca110fee51489a35b12cc0407ed1b"
PREVIEW_FEED = "2f664a92fadddf499621ffc01f715f40cd9224268e1650db1d09333338a56d98"
STREAMED = "12c6634d56aa34aaf59adc3419a7f38a71e2493b8e6d6c8f7522f0218f3cfbea"


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
