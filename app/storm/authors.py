"""Author pools drawn once per drill from Faker in the scenario country's locale, and avatars.

Faker is slow, so it is called only here, for a few hundred names per locale drawn once; each
drill's seed combines them into its pools (cached per seed, language and country), and posts
pick authors from the pools. People have a gender (so a
template's words agree with the name), a real town of the country, and a persona's follower
count. Regulators and newsrooms are institutions: fictional names with a badge. The skew of the
picks (index = n·u^skew) is per persona: bots and partisans post again and again, customers
rarely more than a few times.
"""

import hashlib
import math
import random
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from faker import Faker

from app.scenarios.models import Actor, Persona
from app.storm.places import FAKER_LOCALES, INSTITUTIONS, faker_locale, towns
from app.storm.types import Author

# persona: (pool size, median followers, sigma of log followers, verified share, pick skew)
PROFILES: dict[Persona, tuple[int, float, float, float, float]] = {
    Persona.angry_customer: (700, 180, 1.2, 0.0, 1.0),
    Persona.worried_customer: (600, 150, 1.1, 0.0, 1.0),
    Persona.journalist: (30, 12_000, 1.0, 0.6, 1.0),
    Persona.influencer: (30, 60_000, 1.0, 0.0, 1.2),
    Persona.troll: (200, 400, 1.3, 0.0, 1.5),
    Persona.bot: (150, 12, 0.8, 0.0, 1.6),
    Persona.employee: (200, 300, 1.0, 0.0, 1.1),
    Persona.regulator: (5, 40_000, 0.6, 1.0, 1.0),
    Persona.supporter: (250, 250, 1.1, 0.0, 1.1),
    Persona.activist: (150, 3_000, 1.2, 0.0, 1.4),
    Persona.local_resident: (300, 200, 1.0, 0.0, 1.0),
    Persona.expert: (25, 8_000, 1.0, 0.3, 1.0),
}
GENDERLESS = frozenset({Persona.bot, Persona.troll})
# The crowd grows with the storm's volume (a storm twice as loud has about twice the people in
# it); institutions, newsrooms, reporters, influencers and experts stay a fixed few.
FIXED_CAST = frozenset({Persona.journalist, Persona.regulator, Persona.influencer, Persona.expert})
BIG_INFLUENCER = 50_000
_NOT_HANDLE = re.compile(r"[^A-Za-z0-9_]")


@dataclass(frozen=True)
class Member:
    """An author with what the engine needs besides: town, gender and a key for variety."""

    author: Author
    city: str
    feminine: bool | None
    key: int


def plain_handle(text: str, limit: int = 15) -> str:
    """Letters, digits and underscores only, accents dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_HANDLE.sub("", ascii_text.replace(" ", "_"))[:limit] or "user"


def followers_for(persona: Persona, rng: random.Random) -> int:
    """A heavy-tailed (log-normal) follower count typical of the persona."""
    _size, median, sigma, _verified, _skew = PROFILES[persona]
    return max(0, int(rng.lognormvariate(math.log(median), sigma)))


def verified_for(persona: Persona, followers: int, rng: random.Random) -> bool:
    """Journalists often, regulators always, big influencers and experts sometimes."""
    share = PROFILES[persona][3]
    if persona is Persona.influencer:
        return followers >= BIG_INFLUENCER
    return rng.random() < share


NAMES_DRAWN = 400  # first names of each gender and last names drawn once per locale


@lru_cache(maxsize=16)
def names(locale: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple]:
    """Female first names, male first names, last names and words of a locale, drawn once
    (Faker is slow; a drill's seed then combines them)."""
    fake = Faker(locale)
    fake.seed_instance(0)
    return (
        tuple(fake.first_name_female() for _ in range(NAMES_DRAWN)),
        tuple(fake.first_name_male() for _ in range(NAMES_DRAWN)),
        tuple(fake.last_name() for _ in range(NAMES_DRAWN)),
        tuple(fake.user_name() for _ in range(NAMES_DRAWN // 4)),
    )


def warm_up() -> None:
    """Draw every locale's names now: the first storm of a process would otherwise wait for
    Faker (about a second for all of them), and with it a drill taken over from a dead one."""
    for locale in {*FAKER_LOCALES.values(), faker_locale("en", ""), faker_locale("fr", "")}:
        names(locale)


@lru_cache(maxsize=32)
def author_pools(seed: int, language: str, country: str, crowd: int = 1) -> "AuthorPools":
    """The pools of a seed, language and country, the crowd's `crowd` times their size (pure,
    so shared by every storm that asks)."""
    return AuthorPools(seed, language, country, crowd)


class AuthorPools:
    """Per persona, a fixed list of members, drawn from the seed."""

    def __init__(self, seed: int, language: str, country: str, crowd: int = 1) -> None:
        fake = names(faker_locale(language, country))
        rng = random.Random(seed ^ 0x5EED)
        self.cities: list[str] = list(towns(country))
        self.pools: dict[Persona, list[Member]] = {}
        taken: set[str] = set()
        for persona, (size, *_rest) in PROFILES.items():
            size *= 1 if persona in FIXED_CAST else crowd
            pool = []
            for index in range(size):
                feminine = None if persona in GENDERLESS else rng.random() < 0.5
                institution = self._institution(persona, language, index)
                name, handle = institution or self._identity(fake, rng, persona, feminine)
                feminine = None if institution else feminine
                while handle.lower() in taken:
                    handle = f"{handle[:12]}{rng.randrange(10, 999)}"
                taken.add(handle.lower())
                followers = followers_for(persona, rng)
                verified = verified_for(persona, followers, rng) or bool(institution)
                author = Author(name, "@" + handle, persona.value, followers, verified)
                city = self.cities[rng.randrange(len(self.cities))]
                pool.append(Member(author, city, feminine, rng.getrandbits(30)))
            self.pools[persona] = pool

    @staticmethod
    def _institution(persona: Persona, language: str, index: int) -> tuple[str, str] | None:
        """The first accounts of regulators and journalists are institutions and newsrooms."""
        institutions = INSTITUTIONS.get(persona.value, {}).get(language, ())
        return institutions[index] if index < len(institutions) else None

    @staticmethod
    def _identity(fake: tuple, rng: random.Random, persona, feminine) -> tuple[str, str]:
        female, male, last_names, user_names = fake
        if persona is Persona.bot:
            word = plain_handle(rng.choice(last_names), 8).lower()
            handle = f"{word}{rng.randrange(1000, 99_999)}"
            return handle, handle
        if persona is Persona.troll:
            handle = plain_handle(rng.choice(user_names), 12) + rng.choice(["_", "x", "666", "__"])
            return handle.strip("_") or handle, handle
        first = rng.choice(female if feminine else male)
        last = rng.choice(last_names)
        style = rng.randrange(4)
        handle = (
            f"{first}{last}",
            f"{first[0]}{last}",
            f"{first}_{last[:5]}",
            f"{last}{rng.randrange(10, 99)}",
        )[style]
        return f"{first} {last}", plain_handle(handle)


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
