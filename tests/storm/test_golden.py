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
the French storm without actions too, its later templates being numbered one further). Recorded
again on purpose when closers of marks only came to join the marks a text ends with (no « hand? ??
», no « brilliant !! » in English) and synonym groups lost the words whose swap broke agreement or
syntax (« le groupe » → « le société », « asked who » → « pressed who »): the readings changed;
and again when "affected" stopped reading "involved" ("it's not involved", "the staff affected")."""

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
    ("data-breach", "en", 2026, False): "3fb4d5591efe013ed19da7027d529dfd",
    ("data-breach", "en", 2026, True): "05cf2a6d1c2cf1dd2baacd9a6100d3c9",
    ("data-breach", "en", 7, False): "e3361615d82a04cec6b7ba7e2db0c345",
    ("data-breach", "en", 7, True): "8207e2486e0c5b6778a8289ba54bff24",
    ("data-breach", "fr", 2026, False): "b025f75e44a2818209dd38f3766c95ee",
    ("data-breach", "fr", 2026, True): "e65e8f6a48da23ae2a522a8bdb6830b8",
    ("data-breach", "fr", 7, False): "24d236cffdd244be4e3ec634b3fe7fb6",
    ("data-breach", "fr", 7, True): "ddaf2546e8c24f28471b97d57541de91",
    ("sample", "en", 2026, False): "f3dc9e05d918c33df7464f945f32ada2",
    ("sample", "en", 2026, True): "615df3b08e1d107a27be4b19c8e01f90",
    ("sample", "en", 7, False): "507933a84249e164be9b600ef703df6f",
    ("sample", "en", 7, True): "da80a370b7c36d431b8adb23ea5b51c8",
    ("sample", "fr", 2026, False): "494b8d33c23dade709dd61e736bd67ef",
    ("sample", "fr", 2026, True): "dd42d722bdea6b4e05121c5a430cd439",
    ("sample", "fr", 7, False): "389e1afa6050ea00b934c854be1066cc",
    ("sample", "fr", 7, True): "760c4053467314bf7bf330ef3b1850a8",
}
PREVIEW_JSONL = "91989a8f8b81ac2eb476ab1e53e29a18031f6dad27c91b1c4abde4868f0a22ce"
PREVIEW_FEED = "1ff446bdbec58fc84cbaa6ede1b49dd0190446e9049ea6a83f5d531c3f521f41"
STREAMED = "9e5350970e922ea473a667490b096bfead9e98c3e3744ff9b183224eeb5054b0"


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
