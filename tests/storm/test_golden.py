"""Golden output: the exact bytes the engine and `storm preview --jsonl` produce, so an
optimisation that changes a single byte fails.

Recorded again when the engine moved from one generator seeding per one-second slot to one per
ten-second tick, with sorted slot times and reused uniforms, and again when table cells came to
be drawn as random bits and post counts by transformed rejection (docs/storm.md, Performance):
the draws changed, not the model; every other optimisation kept these bytes. Recorded again
on purpose when no account could post the same text twice any more (readings by half-minute,
another author for a second post in one, drawn evenly among those whose turn it is), viral
moments gained a source post and the crowd grew with the volume (these storms run at 3x), and
when data-breach's journalist, regulator and reply templates became grammars (issue 13). Recorded
again on purpose when the listening work was merged in: the reactions that quote the team and the
call-outs of a missed update pick their authors through the half-minute's free pairs and end with
the author's own reading, so they too are never an account's repeat."""

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
    ("data-breach", "en", 2026, False): "ad01e10172a1b2d371c1f5d8349818c2",
    ("data-breach", "en", 2026, True): "385be762ca92179859e11e3140a975d7",
    ("data-breach", "en", 7, False): "436db177d7cf5c68e977f9552f76d34c",
    ("data-breach", "en", 7, True): "92b97a725f6662daf179c00a1bc55c11",
    ("data-breach", "fr", 2026, False): "dddca31f2620c58cffb1f2a3854390c0",
    ("data-breach", "fr", 2026, True): "0019478c60cb1987881647896a90590a",
    ("data-breach", "fr", 7, False): "227f32ccbab147f4c5feb14774823e7d",
    ("data-breach", "fr", 7, True): "3ab170e1310e65e10783bc6336bd2fbc",
    ("sample", "en", 2026, False): "d36465beec83e46214e3df801eb1c8a4",
    ("sample", "en", 2026, True): "6bd5a1e55e88fc3f0e3b15170f7a957b",
    ("sample", "en", 7, False): "8cd8032a92e9b8192f937718cb6bc7fd",
    ("sample", "en", 7, True): "dfa04d864845e55a782391a0eef81bd4",
    ("sample", "fr", 2026, False): "e8b91c3c4666841f62d9ce13f7bfbbc2",
    ("sample", "fr", 2026, True): "9e295221e506a94229b33d0c6baa0ccb",
    ("sample", "fr", 7, False): "5ea1f657c6fcc09de065b8017411354f",
    ("sample", "fr", 7, True): "69b04581941080e039d0ac7cd8d00883",
}
PREVIEW_JSONL = "366d88bfd7dec000591cda0c329ac8847971231af027364c706edd1aa79a6195"
PREVIEW_FEED = "e3f3b7e4e163eb299940b6334370ffcf86c1ca9d56d36cf78677b0265870776b"
STREAMED = "c2bc465de91233bd39fe16c514eff5bcddaf963a0c2ed86bca87d589bf897a68"


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
