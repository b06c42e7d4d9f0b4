"""Author pools drawn once per drill from Faker in the drill's locale, and their avatars.

Faker is slow, so it is called only here, a few hundred times per drill; posts then pick
authors from the pools. Within a pool, authors are picked with a skew (index = n·u^SKEW), so a
few accounts post again and again, as in a real storm.
"""

import hashlib
import math
import random
import re
import unicodedata

from faker import Faker

from app.scenarios.models import Actor, Persona
from app.storm.types import Author

LOCALES = {"fr": "fr_FR", "en": "en_US"}
SKEW = 2.2
# persona: (pool size, median followers, sigma of log followers, verified share)
PROFILES: dict[Persona, tuple[int, float, float, float]] = {
    Persona.angry_customer: (300, 180, 1.2, 0.0),
    Persona.worried_customer: (250, 150, 1.1, 0.0),
    Persona.journalist: (14, 12_000, 1.0, 0.6),
    Persona.influencer: (18, 120_000, 1.0, 0.0),
    Persona.troll: (40, 400, 1.3, 0.0),
    Persona.bot: (60, 12, 0.8, 0.0),
    Persona.employee: (30, 300, 1.0, 0.0),
    Persona.regulator: (3, 25_000, 0.6, 1.0),
    Persona.supporter: (90, 250, 1.1, 0.0),
    Persona.activist: (40, 3_000, 1.2, 0.0),
    Persona.local_resident: (150, 200, 1.0, 0.0),
    Persona.expert: (12, 8_000, 1.0, 0.3),
}
BIG_INFLUENCER = 50_000
_NOT_HANDLE = re.compile(r"[^A-Za-z0-9_]")


def plain_handle(text: str, limit: int = 15) -> str:
    """Letters, digits and underscores only, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_HANDLE.sub("", ascii_text.replace(" ", "_"))[:limit] or "user"


def followers_for(persona: Persona, rng: random.Random) -> int:
    """A heavy-tailed (log-normal) follower count typical of the persona."""
    _size, median, sigma, _verified = PROFILES[persona]
    return max(0, int(rng.lognormvariate(math.log(median), sigma)))


def verified_for(persona: Persona, followers: int, rng: random.Random) -> bool:
    """Journalists often, regulators always, big influencers and experts sometimes."""
    share = PROFILES[persona][3]
    if persona is Persona.influencer:
        return followers >= BIG_INFLUENCER
    return rng.random() < share


class AuthorPools:
    """Per persona, a fixed list of authors and each one's city, drawn from the seed."""

    def __init__(self, seed: int, language: str) -> None:
        fake = Faker(LOCALES.get(language, "en_US"))
        fake.seed_instance(seed)
        rng = random.Random(seed ^ 0x5EED)
        self.cities: list[str] = [fake.city() for _ in range(60)]
        self.pools: dict[Persona, list[Author]] = {}
        self.author_cities: dict[str, str] = {}
        taken: set[str] = set()
        for persona, (size, *_rest) in PROFILES.items():
            pool = []
            for _ in range(size):
                name, handle = self._identity(fake, rng, persona)
                while handle.lower() in taken:
                    handle = f"{handle[:12]}{rng.randrange(10, 999)}"
                taken.add(handle.lower())
                followers = followers_for(persona, rng)
                pool.append(
                    Author(
                        name,
                        "@" + handle,
                        persona.value,
                        followers,
                        verified_for(persona, followers, rng),
                    )
                )
                self.author_cities["@" + handle] = self.cities[rng.randrange(len(self.cities))]
            self.pools[persona] = pool

    @staticmethod
    def _identity(fake: Faker, rng: random.Random, persona: Persona) -> tuple[str, str]:
        if persona is Persona.bot:
            word = plain_handle(fake.word(), 8)
            handle = f"{word}{rng.randrange(1000, 99_999)}"
            return handle, handle
        if persona is Persona.troll:
            handle = plain_handle(fake.user_name(), 12) + rng.choice(["_", "x", "666", "__"])
            return handle.strip("_") or handle, handle
        first, last = fake.first_name(), fake.last_name()
        style = rng.randrange(4)
        handle = (
            f"{first}{last}",
            f"{first[0]}{last}",
            f"{first}_{last[:5]}",
            f"{last}{rng.randrange(10, 99)}",
        )[style]
        name = f"{first} {last}"
        if persona is Persona.regulator:
            name = f"{last} — {fake.city()}"
        return name, plain_handle(handle)


def actor_author(actor: Actor, followers: int, verified: bool) -> Author:
    """The author of an inject: its scripted actor, with a handle made from the name if absent."""
    handle = actor.handle or plain_handle(actor.name)
    return Author(
        actor.name,
        handle if handle.startswith("@") else "@" + handle,
        actor.persona.value,
        followers,
        verified,
    )


def avatar_svg(handle: str) -> str:
    """A deterministic 5×5 symmetric identicon for a handle, as a standalone SVG string."""
    digest = hashlib.sha256(handle.lower().encode()).digest()
    hue = int.from_bytes(digest[:2], "big") % 360
    colour = f"hsl({hue},55%,45%)"
    cells = []
    for row in range(5):
        for col in range(3):
            if digest[2 + row * 3 + col] & 1:
                for x in sorted({col, 4 - col}):
                    cells.append(f'<rect x="{x * 8 + 4}" y="{row * 8 + 4}" width="8" height="8"/>')
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">'
        f'<rect width="48" height="48" rx="24" fill="hsl({hue},40%,92%)"/>'
        f'<g fill="{colour}">{"".join(cells)}</g></svg>'
    )
