"""A feed post as HTML: rendered once per drill from `drills/_post.html`, in the post's language."""

from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup

from app.core import i18n
from app.core.templating import env
from app.drills.live import HIGH_REACH
from app.storm import avatar_svg
from app.storm.types import Post

TEAM_PREFIX = "act-"  # storm ids of the team's own actions (see export.storm_actions)


@lru_cache(maxsize=4096)
def avatar_src(handle: str) -> str:
    """The author's generated avatar as a data URI (authors recur, so it is cached)."""
    return "data:image/svg+xml," + quote(avatar_svg(handle), safe=":/=,;()%# ")


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
    """The post's HTML in its own language (the drill's), whoever will read it."""
    token = i18n.current_language.set(post.language if post.language in i18n.LANGUAGES else "en")
    try:
        return env.get_template("drills/_post.html").render(
            post=post,
            avatar=Markup(avatar_src(post.author.handle)),
            reach=reach(post.author.followers),
            high_reach=post.author.followers >= HIGH_REACH,
            to_us=to_us(post),
            time=sim_time(post.at_s),
        )
    finally:
        i18n.current_language.reset(token)
