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
the author's own reading, so they too are never an account's repeat; and again when a post's
hashtag slots came to draw distinct tags (no « #CheeseRecall #CheeseRecall »). Recorded again on
purpose when the reactions that quote the team came to be read from grammars per voice (no frame
shared by the accounts of a minute), bots to draw from all their templates, French prepositions to
agree with the names filled in (« d'Orvane »), a reaction's {time} to be its action's and a
synonym at a sentence's start to keep its capital (issue 13's last giveaways); and again when
data-breach's reactions stopped quoting words the team never wrote and said what they answer;
and again when its reaction that thanked an apology came to answer only an apology, two that
listed what a statement said were reworded and each language gained a reaction that presumes
nothing (the lint of app/scenarios/presumptions.py; the template list and its draws changed, and
the French storm without actions too, its later templates being numbered one further)."""

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
    ("data-breach", "en", 2026, False): "082947da576e3639c0b9a65dfc7b323f",
    ("data-breach", "en", 2026, True): "9e643e0cde20417516bc131f5b317a3f",
    ("data-breach", "en", 7, False): "97614e9b1282a1d855d7b6ddcc173c6a",
    ("data-breach", "en", 7, True): "663c1f7075460a07d3eec32984c6a9ed",
    ("data-breach", "fr", 2026, False): "241f819d1d7dd58c7f33447a5b485f61",
    ("data-breach", "fr", 2026, True): "4dfdc24171b0a9de5e48c911ffadce15",
    ("data-breach", "fr", 7, False): "117f44aef3f8be4a92741573c1b96117",
    ("data-breach", "fr", 7, True): "3269c41ca80f5a54439f2c3d8a39bf13",
    ("sample", "en", 2026, False): "aca9614572785c238bb00ea887e8fd10",
    ("sample", "en", 2026, True): "ce3ad3c520d64ced5a0948bbdb244e13",
    ("sample", "en", 7, False): "4a5a1f3a286f4f067d5843bac40cb6bf",
    ("sample", "en", 7, True): "be960a56b32a26b9ed8d006072de0dde",
    ("sample", "fr", 2026, False): "41c76870c1f6eb1b77106a3a9fe2d587",
    ("sample", "fr", 2026, True): "6c3b033dde24fe278c410b7e7bcc8f4f",
    ("sample", "fr", 7, False): "79240551e303ca12660e803f59dcfb51",
    ("sample", "fr", 7, True): "4dd5788134e63316779e96a11c66f5ca",
}
PREVIEW_JSONL = "73e7ead8e604ba808d2acd62853f17742f2832468fd1c2887514eb46a461702e"
PREVIEW_FEED = "08a9ae82b6ea9bb5a994dde5016ac60397069a9f41da1c3f33dbf96f88425596"
STREAMED = "f71275758f6803f4ac9a7523f1896b54c926d03005bf161ac9e70360e9c941d7"


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
