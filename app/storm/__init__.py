"""The storm engine and audience model: pure, from a scenario, a seed and actions to posts."""

from app.storm.authors import avatar_svg
from app.storm.engine import Storm, engagement_at
from app.storm.serialize import post_json
from app.storm.types import Action, Audience, Author, Post, action_from_record

__all__ = [
    "Action",
    "Audience",
    "Author",
    "Post",
    "Storm",
    "action_from_record",
    "avatar_svg",
    "engagement_at",
    "post_json",
]
