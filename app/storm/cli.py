"""`stormdrill storm preview`: print a scenario's storm as a readable feed or JSON lines.

The command line's I/O lives here, outside the engine: it reads the scenario and action files,
then streams the engine's posts to stdout without ever holding the whole storm.
"""

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
import yaml

from app.core.errors import NotFound
from app.scenarios import library
from app.scenarios.loader import ScenarioError, load_file
from app.scenarios.models import Scenario, parse_duration
from app.storm.engine import Storm, engagement_at
from app.storm.serialize import jsonl_chunks
from app.storm.types import Action, Post, action_from_record

BATCH = 4096
storm_cli = typer.Typer(help="Preview the storm engine's posts.", no_args_is_help=True)


def load_scenario(reference: str) -> Scenario:
    """A scenario from a file path, or from the library by id, through the validating loader."""
    try:
        if Path(reference).is_file():
            return load_file(Path(reference))
        return library.load_scenario(reference)
    except NotFound:
        raise typer.BadParameter(f"no scenario file or library id {reference!r}") from None
    except ScenarioError as exc:
        raise typer.BadParameter(str(exc)) from None


def load_actions(path: Path) -> list[Action]:
    """The actions of a YAML or JSON file: a list of drill-record actions, or a whole record."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = data.get("actions", [])
    if not isinstance(data, list):
        raise typer.BadParameter("the actions file must hold a list of actions")
    try:
        return [action_from_record(item) for item in data]
    except (ValueError, AttributeError, TypeError) as exc:
        raise typer.BadParameter(f"bad action: {exc}") from None


def compact(number: int) -> str:
    """12345 as 12.3k, 2500000 as 2.5M."""
    if number >= 1_000_000:
        return f"{number / 1_000_000:.1f}M"
    if number >= 10_000:
        return f"{number / 1000:.1f}k"
    return str(number)


def feed_line(post: Post, now_s: float) -> str:
    """One post as a readable line: time, persona, author, followers, text, likes and reposts."""
    seconds = post.at_ms // 1000
    clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
    author = post.author
    badge = f"[{author.persona}{' ✔' if author.verified else ''}]"
    likes, reposts = engagement_at(post, now_s)
    context = ""
    if post.reply_to:
        context = f" ↳{post.reply_to}"
    elif post.quote_of:
        context = f" ❝{post.quote_of}"
    return (
        f"{clock} {badge} {author.name} {author.handle} ({compact(author.followers)}){context}\n"
        f"    {post.text}\n    ♥ {compact(likes)}  ⟳ {compact(reposts)}"
    )


def write_jsonl(posts: Iterable[Post], now_s: float) -> int:
    """Stream posts as JSON lines, with likes and reposts at `now_s`; returns how many.

    The chunks are UTF-8 already: they go to stdout's binary buffer, one `write` per chunk.
    """
    sys.stdout.flush()
    out, count = sys.stdout.buffer, 0
    for chunk in jsonl_chunks(posts, now_s, BATCH):
        out.write(chunk)
        count += chunk.count(b"\n")
    out.flush()
    return count


@storm_cli.command()
def preview(
    scenario: Annotated[str, typer.Argument(help="A scenario file, or a library id.")],
    seed: Annotated[int, typer.Option(help="The storm's seed.")] = 1,
    lang: Annotated[str, typer.Option(help="fr or en.")] = "en",
    until: Annotated[str, typer.Option(help="How far to go: 15m, 1h30m, 900…")] = "15m",
    actions: Annotated[
        Path | None, typer.Option(help="A YAML or JSON list of actions (drill-record format).")
    ] = None,
    volume_scale: Annotated[float, typer.Option(help="Multiplies the volume curve.")] = 1.0,
    brand: Annotated[
        str | None, typer.Option(help="The brand name (default: the scenario's).")
    ] = None,
    jsonl: Annotated[bool, typer.Option(help="One JSON post per line.")] = False,
) -> None:
    """Print the storm of SCENARIO from the start up to --until."""
    if lang not in ("fr", "en"):
        raise typer.BadParameter("fr or en", param_hint="--lang")
    try:
        end_s = float(parse_duration(until))  # type: ignore[arg-type]
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--until") from None
    team = load_actions(actions) if actions else []
    storm = Storm(load_scenario(scenario), seed, brand, lang, volume_scale=volume_scale)
    posts = storm.stream(team, 0, end_s)
    if jsonl:
        write_jsonl(posts, end_s)
        return
    for post in posts:
        typer.echo(feed_line(post, end_s))
    final = storm.audience(team, end_s)
    typer.echo(
        f"-- at {until}: anger {final.anger:.2f}, trust {final.trust:.2f}, "
        f"sentiment {final.sentiment:+.2f}, "
        + ", ".join(f"rumour {rid} {reach:.0%}" for rid, reach in final.reach.items())
    )
