"""Golden output: the exact bytes the engine and `storm preview --jsonl` produce, so an
optimisation that changes a single byte fails.

Recorded again when the engine moved from one generator seeding per one-second slot to one per
ten-second tick, with sorted slot times and reused uniforms (docs/storm.md, Performance): the
draws changed, not the model; every other optimisation kept these bytes."""

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
    ("data-breach", "en", 2026, False): "866bf7a202b6120b7f6aedfc65d6d50d",
    ("data-breach", "en", 2026, True): "18d9e07b639ea08afebf0b8e27f9b3d8",
    ("data-breach", "en", 7, False): "9f9183d1b1bac42cb6955d2f9a7505fe",
    ("data-breach", "en", 7, True): "d07149412ac7dfa4b740311903b3c49a",
    ("data-breach", "fr", 2026, False): "84c716235c16e3e62d416c0295b55be3",
    ("data-breach", "fr", 2026, True): "2532481e3031de94d3e3d4600d60d3ad",
    ("data-breach", "fr", 7, False): "e8161b45256bd4564c9830a9f11add93",
    ("data-breach", "fr", 7, True): "3353222dd894e522099a32cb910bf901",
    ("sample", "en", 2026, False): "8902b5b1120cc2a69d58560d6045817e",
    ("sample", "en", 2026, True): "d17d15cb0c0f72740864ead974a5f383",
    ("sample", "en", 7, False): "7546f8b0bc4272d106f6836fd876ea00",
    ("sample", "en", 7, True): "08998c392065271ae80f7a97527474a3",
    ("sample", "fr", 2026, False): "cd205efcd54fa25e2644b7d1c40c0c69",
    ("sample", "fr", 2026, True): "0506816b78743652aa770b968c060add",
    ("sample", "fr", 7, False): "49132a9edd6f93b3bb3b33bc6455ed78",
    ("sample", "fr", 7, True): "76fd751ae540186cf67e5dec65466590",
}
PREVIEW_JSONL = "093975bd6092af90028535229283da8300a15de94529fa5696c5cf7ccfec1552"
PREVIEW_FEED = "8db4555cf1d6c94d62829b5a1ce56f1dbba6ce17ca1c48d3d11bc6d05047e9da"
STREAMED = "0f34d5866344ad9f28f6a3ecb5ff31ac701bbb60ad34e466468032616acde30c"


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
