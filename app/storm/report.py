"""The realism report: figures a crisis analyst would check on a storm, against the issue's floors.

Pure: it runs the engine on a scenario for three stock responses (none, a good early one, a late
defensive one) and counts. `stormdrill storm report` and `make bench` print it.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.scenarios.models import Scenario
from app.storm.engine import Storm
from app.storm.text import static_text
from app.storm.types import Action, Post

HORIZON_S = 5400
CHECKPOINTS_S = (1800, 3600, 5400)
GOOD_EARLY_S = 300
UPDATE_EVERY_S = 1200  # the good response gives an update every 20 minutes
LATE_DEFENSIVE_S = 2700
CORRECTION_DELAY_S = 300
TEXTS = {
    "good": {
        "en": (
            "We are deeply sorry. Here is what we know so far, what you should do now and who to "
            "call. We are investigating and will give the next update at the top of the hour."
        ),
        "fr": (
            "Nous sommes sincèrement désolés. Voici ce que nous savons, ce que vous pouvez faire "
            "et qui appeler. Nous enquêtons : prochain point à l'heure pile."
        ),
    },
    "defensive": {
        "en": (
            "We did nothing wrong. This is an isolated incident, people overreact and we stand "
            "by our processes. No comment on speculation."
        ),
        "fr": (
            "Nous n'avons rien fait de mal. C'est un incident isolé, la polémique est exagérée et "
            "nous maintenons nos procédures. Aucun commentaire."
        ),
    },
    "update": {
        "en": "Update: here is what we know now and what we are still investigating. Next update "
        "in 20 minutes.",
        "fr": "Point de situation : voici ce que nous savons et ce que nous vérifions encore. "
        "Prochain point dans 20 minutes.",
    },
    "false": {"en": "Rumour: {claim}. This is false.", "fr": "Rumeur : {claim}. C'est faux."},
}
TOP5_MIN_POSTS = 200
FLOORS = {
    "distinct": ">= 0.60",
    "top5": "<= 0.03",
    "repeats": "= 0",
    "unreposted": ">= 0.50",
    "top1_likes": ">= 0.40",
    "quoting": ">= 0.30",
    "silence_after": "= 0",
    "late_worse": "yes",
    "rumour_after": "< 0.5 and > 0",
    "echoed": "<= 0.30",
    "top5_openings": "<= 0.15",
}
OPENING_WORDS = 4  # a post's opening: its first words once quotes, mentions and tags are gone
# Quoting reactions sharing their opening with another account's in the same minute. Main's
# fixed frames gave 43-78% (one frame for three accounts in a minute); grammars read per voice
# give 5-15% in quiet storms and up to ~27% in the peaks of 100-150 reactions a minute, where a
# few dozen distinct openings meet by chance as stock replies do. 30% catches the copy-paste.
ECHOED_MAX = 0.30
TOP5_OPENINGS_MAX = 0.15  # main: 21-31%; a handful of stock replies should not be a feed's sixth
TOP5_OPENINGS_MIN_POSTS = 100  # five openings are 15% of fewer than 34 reactions whatever they say


@dataclass(frozen=True)
class Figures:
    """One scenario in one language: every realism figure, and whether each floor is met."""

    scenario: str
    language: str
    posts: int
    distinct: float
    top5: float
    repeats: int
    unreposted: float
    top1_likes: float
    max_replies: int
    quoting: float  # the share of reactions to the good response that quote its words
    silence_after: int
    mood: dict[str, tuple[tuple[float, float, float], ...]]
    late_worse: bool
    rumour_before: int  # the rumour's posts 5 to 10 minutes after the correction, uncorrected
    rumour_after: int  # the same, corrected
    echoed: float  # the reactions quoting the team whose opening another account's has that minute
    top5_openings: float  # the five commonest openings' share of the reactions
    reactions: int  # the reactions to the good and the late defensive responses
    reactions_echoed: float  # as `echoed`, over every reaction (no floor: see docs/storm.md)
    feed_echoed: float  # as `echoed`, over the whole feed without response (no floor)

    def met(self) -> dict[str, bool]:
        """Each floor of the issue, met or not."""
        return {
            "distinct": self.distinct >= 0.6,
            # Five texts are 3% of a feed only past 167 posts: a smaller storm (the tutorial's
            # thirty) cannot be judged on it.
            "top5": self.top5 <= 0.03 or self.posts < TOP5_MIN_POSTS,
            "repeats": self.repeats == 0,
            "unreposted": self.unreposted >= 0.5,
            "top1_likes": self.top1_likes >= 0.4,
            "quoting": self.quoting >= 0.3,
            "silence_after": self.silence_after == 0,
            "late_worse": self.late_worse,
            "rumour_after": self.rumour_before == 0
            or 0 < self.rumour_after < 0.5 * self.rumour_before,
            "echoed": self.echoed <= ECHOED_MAX,
            "top5_openings": self.top5_openings <= TOP5_OPENINGS_MAX
            or self.reactions < TOP5_OPENINGS_MIN_POSTS,
        }


def responses(
    scenario: Scenario, language: str, fill: Callable[[str], str] = str
) -> dict[str, list[Action]]:
    """The three stock responses the report compares, the good one correcting a rumour (its
    claim quoted as a rumour, then denied; `fill` renders the claim's slots)."""
    good = [Action(at_s=GOOD_EARLY_S, kind="statement", text=TEXTS["good"][language])]
    good += [
        Action(at_s=at_s, kind="statement", text=TEXTS["update"][language])
        for at_s in range(GOOD_EARLY_S + UPDATE_EVERY_S, HORIZON_S, UPDATE_EVERY_S)
    ]
    rumour = corrected_rumour(scenario)
    if rumour is not None:
        claim = fill(rumour.claim.get(language)).rstrip(" .")
        text = TEXTS["false"][language].format(claim=claim)
        at_s = correction_at(scenario)
        good.append(Action(at_s=at_s, kind="correct_rumour", rumour=rumour.id, text=text))
    defensive = [Action(at_s=LATE_DEFENSIVE_S, kind="statement", text=TEXTS["defensive"][language])]
    return {"none": [], "good": good, "late_defensive": defensive}


def corrected_rumour(scenario: Scenario):
    """The rumour the good response corrects: the scenario's first, if any."""
    return min(scenario.rumours, key=lambda r: r.appears_at, default=None)


def correction_at(scenario: Scenario) -> float:
    """When the good response corrects its rumour: a few minutes after the rumour's source."""
    rumour = corrected_rumour(scenario)
    seeds = [i.at for i in scenario.injects if rumour and i.rumour == rumour.id]
    return max([rumour.appears_at if rumour else 0, *seeds]) + CORRECTION_DELAY_S


def measure(scenario: Scenario, language: str, seed: int = 1, until_s: int = HORIZON_S) -> Figures:
    """Every figure of one scenario and language, on `until_s` seconds of storm."""
    storm = Storm(scenario, seed, None, language)
    runs = responses(scenario, language, lambda text: static_text(text, storm.content.values))
    posts = [p for p in storm.stream(runs["none"], 0, until_s) if p.kind != "inject"]
    answered = storm.posts(runs["good"], 0, until_s)
    feeds = {
        name: posts_for(storm, name, actions, posts, answered) for name, actions in runs.items()
    }
    mood = {name: mood_at(storm, actions, feeds[name]) for name, actions in runs.items()}
    reactions = [p for name in ("good", "late_defensive") for p in feeds[name] if p.reacts_to]
    said = {a.ref: a.text for name in ("good", "late_defensive") for a in runs[name]}
    quoting_posts = [p for p in reactions if quotes(p, said[p.reacts_to])]  # type: ignore[index]
    before, after = rumour_counts(scenario, posts), rumour_counts(scenario, answered)
    late, silent = mood["late_defensive"][-1], mood["none"][-1]
    return Figures(
        scenario=scenario.id,
        language=language,
        posts=len(posts),
        **variety(posts),
        **engagement(posts),
        max_replies=max(Counter(p.reply_to for p in answered if p.reply_to).values(), default=0),
        quoting=quoting(answered, runs["good"]),
        silence_after=sum(1 for p in answered if p.kind == "silence" and p.at_s > GOOD_EARLY_S),
        mood=mood,
        late_worse=late[0] >= silent[0] and late[1] <= silent[1] and late[:2] != silent[:2],
        rumour_before=before,
        rumour_after=after,
        echoed=echoes(quoting_posts)["echoed"],
        top5_openings=echoes(reactions)["top5_openings"],
        reactions=len(reactions),
        reactions_echoed=echoes(reactions)["echoed"],
        feed_echoed=echoes(posts)["echoed"],
    )


def posts_for(storm, name, actions, silent_posts, answered) -> list[Post]:
    """The posts of one response (the two already generated are reused)."""
    if name == "none":
        return silent_posts
    if name == "good":
        return answered
    return storm.posts(actions, 0, HORIZON_S)


QUOTED = re.compile(r"[“«]\u00a0?(.+?)…?\u00a0?[”»]")


def quotes(post: Post, said: str) -> bool:
    """Whether a post quotes words of `said` (a piece in quotation marks that is part of it)."""
    return any(m.group(1) in said for m in QUOTED.finditer(post.text))


def quoting(posts: list[Post], actions: list[Action]) -> float:
    """The share of the reactions to the team's actions that quote the team's own words."""
    said = {a.ref: a.text for a in actions}
    reactions = [p for p in posts if p.reacts_to in said]
    heard = sum(quotes(p, said[p.reacts_to]) for p in reactions)  # type: ignore[index]
    return heard / max(1, len(reactions))


def variety(posts: list[Post]) -> dict:
    """Distinct texts, the five commonest texts' share and same-author repeats."""
    texts = Counter(p.text for p in posts)
    pairs = Counter((p.author.handle, p.text) for p in posts)
    total = max(1, len(posts))
    return {
        "distinct": len(texts) / total,
        "top5": sum(n for _t, n in texts.most_common(5)) / total,
        "repeats": sum(n - 1 for n in pairs.values()),
    }


def engagement(posts: list[Post]) -> dict:
    """The share of posts never reposted and the top 1%'s share of likes."""
    likes = sorted((p.likes_max for p in posts), reverse=True)
    top = likes[: max(1, len(likes) // 100)]
    return {
        "unreposted": sum(1 for p in posts if p.reposts_max == 0) / max(1, len(posts)),
        "top1_likes": sum(top) / max(1, sum(likes)),
    }


def mood_at(storm: Storm, actions, posts: Iterable[Post]) -> tuple[tuple[float, float, float], ...]:
    """(anger, trust, negative share of the minute before) at each checkpoint."""
    by_minute: dict[int, list[int]] = {}
    for post in posts:
        counts = by_minute.setdefault(int(post.at_s // 60), [0, 0])
        counts[0] += post.sentiment == "negative"
        counts[1] += 1
    out = []
    for t_s in CHECKPOINTS_S:
        audience = storm.audience(actions, t_s)
        negative, total = by_minute.get(t_s // 60 - 1, [0, 0])
        out.append((audience.anger, audience.trust, negative / max(1, total)))
    return tuple(out)


def rumour_counts(scenario: Scenario, posts: list[Post]) -> int:
    """The corrected rumour's posts in the five minutes that end ten minutes after the good
    response corrects it (compared between the storms with and without the correction)."""
    rumour = corrected_rumour(scenario)
    if rumour is None:
        return 0
    at_s = correction_at(scenario)
    return sum(
        1
        for p in posts
        if p.rumour == rumour.id and p.kind == "rumour" and at_s + 300 <= p.at_s < at_s + 600
    )


_QUOTE_SPANS = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"]*\"")
_TAGS = re.compile(r"[@#]\w+")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def opening(text: str) -> str:
    """What a reader takes in first: the first OPENING_WORDS words of a post, lower case, once
    the quoted words, mentions and hashtags are set aside (a frame reads the same whatever it
    quotes: "“We are deeply sorry”, says X. That's what…" opens with "says x that's what")."""
    words = _WORDS.findall(_TAGS.sub(" ", _QUOTE_SPANS.sub(" ", text)).lower())
    return " ".join(words[:OPENING_WORDS])


def echoes(posts: list[Post]) -> dict:
    """The share of posts whose opening a post of another account has in the same minute (the
    copy-paste a reader scanning a minute sees), and the five commonest openings' share."""
    authors: dict[tuple[int, str], set[str]] = {}
    keys = [(int(p.at_s // 60), opening(p.text)) for p in posts]
    for key, post in zip(keys, posts, strict=True):
        authors.setdefault(key, set()).add(post.author.handle)
    total = max(1, len(posts))
    common = Counter(key[1] for key in keys).most_common(5)
    return {
        "echoed": sum(len(authors[key]) > 1 for key in keys) / total,
        "top5_openings": sum(n for _o, n in common) / total,
    }
