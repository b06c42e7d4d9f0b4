"""A feed post as HTML: rendered once per drill from `drills/_post.html`, for every reader.

The live driver renders every displayed post once for all its readers, at up to ten posts a
second per drill, so the same HTML reaches readers of both languages: the text stays in the
post's language (the drill's), while the words around it (persona badge, buttons) are written
in every language, each in a `ui-<language>` span that the stylesheet shows only when the page
is in that language. Avatars are served as cached images (`/avatars/<handle>.svg`) rather than
inlined in every event.
"""

from functools import lru_cache
from urllib.parse import quote

from app.core import i18n
from app.core.i18n import gettext as _
from app.core.templating import env
from app.drills import labels as drill_labels
from app.drills.live import HIGH_REACH
from app.storm.types import Post

TEAM_PREFIX = "act-"  # storm ids of the team's own actions (see export.storm_actions)


def _fixed_words() -> dict[str, str]:
    """The post's fixed words in the current language."""
    return {
        "verified": _("Verified account"),
        "followers": _("Followers"),
        "to_us": _("Replying to us"),
        "reply_in_thread": _("Reply in a thread"),
        "quote": _("Quote"),
        "rumour": _("Rumour"),
        "inject": _("Inject"),
        "reply": _("Reply to this"),  # a verb: "Reply" alone is the action kind's noun
        "correct": _("Correct"),
    }


@lru_cache(maxsize=1)
def labels() -> dict[str, object]:
    """The post's fixed words and persona names in every language, translated once."""
    return {
        **i18n.in_every_language(_fixed_words),
        "personas": i18n.in_every_language(drill_labels.personas),
    }


@lru_cache(maxsize=4096)
def avatar_url(handle: str) -> str:
    """Where the author's generated avatar is served (authors recur: cached)."""
    return "/avatars/" + quote(handle.lstrip("@"), safe="") + ".svg"


def reach(followers: int) -> str:
    """Follower counts the way feeds show them: 950, 12.3k, 1.2M."""
    if followers >= 1_000_000:
        return f"{followers / 1_000_000:.1f}M"
    if followers >= 1_000:
        return f"{followers / 1_000:.1f}k"
    return str(followers)


def sim_time(seconds: float) -> str:
    """Simulated time as T+mm:ss."""
    whole = int(seconds)
    return f"T+{whole // 60:02d}:{whole % 60:02d}"


def to_us(post: Post) -> bool:
    """Whether the post answers, quotes or reacts to something the team published."""
    targets = (post.reply_to, post.quote_of, post.reacts_to)
    return any(t and t.startswith(TEAM_PREFIX) for t in targets)


def render_post(post: Post) -> str:
    """The post's HTML: its text in the drill's language, its labels in every reader's."""
    return env.get_template("drills/_post.html").render(
        post=post,
        t=labels(),
        avatar=avatar_url(post.author.handle),
        reach=reach(post.author.followers),
        high_reach=post.author.followers >= HIGH_REACH,
        to_us=to_us(post),
        time=sim_time(post.at_s),
    )
