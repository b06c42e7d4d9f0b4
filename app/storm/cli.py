"""`stormdrill storm preview` and `storm report`: a scenario's storm as a feed or JSON lines,
and its realism figures.

The command line's I/O lives here, outside the engine: it reads the scenario and action files,
then streams the engine's posts to stdout without ever holding the whole storm.
"""

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer
import yaml

from app.scenarios import library
from app.scenarios.loader import ScenarioError, load_file
from app.scenarios.models import Scenario, parse_duration
from app.scenarios.rebrand import rebranded
from app.storm.engine import Storm, engagement_at
from app.storm.report import Figures, measure
from app.storm.serialize import jsonl_chunks
from app.storm.types import Action, Post, action_from_record

BATCH = 4096
storm_cli = typer.Typer(help="Preview the storm engine's posts.", no_args_is_help=True)


def load_scenario(reference: str) -> Scenario:
    """A scenario from a file path, or from the library by id, through the validating loader."""
    try:
        if Path(reference).is_file():
            return load_file(Path(reference))
        # Checked here, so the library's not-found error (an app.core one) never reaches us.
        if reference not in {path.stem for path in library.scenario_files()}:
            raise typer.BadParameter(f"no scenario file or library id {reference!r}")
        return library.load_scenario(reference)
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
    chosen = load_scenario(scenario)
    if brand:
        chosen = rebranded(chosen, brand)
    storm = Storm(chosen, seed, brand, lang, volume_scale=volume_scale)
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


def report_rows(figures: Figures) -> list[str]:
    """One scenario and language of the realism report, as aligned lines."""
    met = figures.met()

    def mark(key: str) -> str:
        return "ok" if met[key] else "MISSED"

    mood = "  ".join(
        f"{name}: " + " ".join(f"A{a:.2f}/T{t:.2f}/N{n:.0%}" for a, t, n in figures.mood[name])
        for name in ("none", "good", "late_defensive")
    )
    return [
        f"{figures.scenario} [{figures.language}] {figures.posts} posts",
        f"  distinct {figures.distinct:.1%} ({mark('distinct')})  top-5 {figures.top5:.1%} "
        f"({mark('top5')})  same-author repeats {figures.repeats} ({mark('repeats')})",
        f"  never reposted {figures.unreposted:.0%} ({mark('unreposted')})  top-1% likes "
        f"{figures.top1_likes:.0%} ({mark('top1_likes')})  most replies {figures.max_replies}",
        f"  reactions that quote the team {figures.quoting:.0%} ({mark('quoting')})  "
        f"silence posts after the first statement {figures.silence_after} "
        f"({mark('silence_after')})  late defensive worse than silence "
        f"{'yes' if figures.late_worse else 'no'} ({mark('late_worse')})",
        f"  rumour posts 5-10 min after its correction {figures.rumour_after}, uncorrected "
        f"{figures.rumour_before} ({mark('rumour_after')})",
        f"  quoting reactions opening like another account's that minute {figures.echoed:.1%} "
        f"({mark('echoed')})  top-5 openings of {figures.reactions} reactions "
        f"{figures.top5_openings:.1%} ({mark('top5_openings')})  openings echoed in the minute: "
        f"all reactions {figures.reactions_echoed:.0%}, feed {figures.feed_echoed:.0%}",
        f"  at 30/60/90 min  {mood}",
    ]


@storm_cli.command()
def report(
    scenarios: Annotated[
        list[str] | None, typer.Argument(help="Scenario files or library ids (default: all).")
    ] = None,
    seed: Annotated[int, typer.Option(help="The storm's seed.")] = 1,
    lang: Annotated[list[str] | None, typer.Option(help="fr and/or en (default: both).")] = None,
) -> None:
    """Print the realism figures of 90-minute storms against the floors; exit 1 if one is missed."""
    references = scenarios or [path.stem for path in library.scenario_files()]
    missed = False
    for reference in references:
        scenario = load_scenario(reference)
        for language in lang or ["en", "fr"]:
            figures = measure(scenario, language, seed)
            missed |= not all(figures.met().values())
            typer.echo("\n".join(report_rows(figures)))
    raise typer.Exit(1 if missed else 0)
