"""The scenario format: pydantic models that every file in scenarios/ must satisfy.

Times are written as seconds (`90`) or with units (`"12m"`, `"1h30m"`, `"45s"`) and held
as whole seconds. Every text a participant reads exists in French and English.
"""

import re
import unicodedata
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from app.scenarios.messages import N_

LANGUAGES = ("en", "fr")
SLOTS = (
    "brand",
    "brand_handle",
    "brand_tag",
    "hashtag",
    "author_city",
    "number",
    "time",
    "elapsed",
)
"""Template slots the engine always fills; `brand.placeholders` and `numbers` add the others."""
COUNTRIES = ("FR", "BE", "CH", "CA", "GB", "US", "IE")
HASHTAG_SLOTS = ("brand_tag",)
"""The only slot a hashtag may hold: the others can be blank, spaced or change per post."""
_WORD = re.compile(r"[^\W_]+")


def brand_tag(name: str) -> str:
    """The brand as one hashtag-safe token: "Café d'Émile" → "CafeDEmile".

    Accents are dropped (as people type tags), every word starts with a capital, and what is
    neither a letter nor a digit (spaces, apostrophes, hyphens, underscores) goes.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(word[0].upper() + word[1:] for word in _WORD.findall(plain))


_DURATION = re.compile(r"^\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*$")


def parse_duration(value: object) -> object:
    """`"1h30m"`, `"12m"`, `"45s"` or a number of seconds, as whole seconds."""
    if isinstance(value, str):
        match = _DURATION.match(value)
        if not match or not any(match.groups()):
            raise ValueError(
                N_("not a duration: %(value)r (write 90, '12m', '1h30m' or '45s')", value=value)
            )
        hours, minutes, seconds = (int(g or 0) for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    return value


def format_duration(seconds: int) -> str:
    """Whole seconds written the way scenarios write them: `1h05m`, `12m`, `45s`."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}h{minutes:02d}m" if hours else (f"{minutes}m" if minutes else "")
    return text + (f"{secs}s" if secs or not text else "")


Seconds = Annotated[
    int,
    BeforeValidator(
        parse_duration,
        json_schema_input_type=Annotated[str, Field(pattern=_DURATION.pattern)] | int,
    ),
    Field(ge=0),
]
Identifier = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=60)]


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a scenario must not pass silently."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Localized(Strict):
    """A text in both languages."""

    en: str = Field(min_length=1)
    fr: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class LocalizedTerms(Strict):
    """Key terms per language (what a correction must mention, what marks a rumour)."""

    en: list[str] = Field(min_length=1)
    fr: list[str] = Field(min_length=1)

    def get(self, language: str) -> list[str]:
        return self.fr if language == "fr" else self.en


class CrisisType(StrEnum):
    product_recall = "product_recall"
    data_breach = "data_breach"
    service_outage = "service_outage"
    executive_misconduct = "executive_misconduct"
    offensive_advertisement = "offensive_advertisement"
    industrial_accident = "industrial_accident"
    social_conflict = "social_conflict"
    viral_customer_incident = "viral_customer_incident"
    disinformation = "disinformation"
    natural_disaster = "natural_disaster"
    tutorial = "tutorial"


class Responsibility(StrEnum):
    """Coombs' SCCT clusters: how much the public blames the organisation."""

    victim = "victim"
    accident = "accident"
    preventable = "preventable"


class Persona(StrEnum):
    angry_customer = "angry_customer"
    worried_customer = "worried_customer"
    journalist = "journalist"
    influencer = "influencer"
    troll = "troll"
    bot = "bot"
    employee = "employee"
    regulator = "regulator"
    supporter = "supporter"
    activist = "activist"
    local_resident = "local_resident"
    expert = "expert"


class Sentiment(StrEnum):
    negative = "negative"
    neutral = "neutral"
    positive = "positive"


class TemplateContext(StrEnum):
    """When a template is used: the ambient storm, or in reaction to the team."""

    storm = "storm"
    rumour = "rumour"
    reply_good = "reply_good"
    reply_bad = "reply_bad"
    silence = "silence"


class Channel(StrEnum):
    social_post = "social_post"
    news_article = "news_article"
    journalist_dm = "journalist_dm"
    email = "email"
    phone_call = "phone_call"
    internal_message = "internal_message"


class Priority(StrEnum):
    low = "low"
    normal = "normal"
    high = "high"
    critical = "critical"


class Shape(StrEnum):
    """How the volume moves from a phase's start rate to its end rate."""

    linear = "linear"
    exponential = "exponential"
    plateau = "plateau"
    decay = "decay"


class Fact(Strict):
    id: Identifier
    text: Localized


class Rumour(Strict):
    id: Identifier
    claim: Localized
    appears_at: Seconds
    initial_reach: float = Field(ge=0, le=1, description="share of the audience reached at once")
    spread_rate: float = Field(ge=0, le=5, description="growth of reach per minute, uncorrected")
    key_terms: LocalizedTerms = Field(description="what a correction must address")
    contradicts: list[Identifier] = Field(default_factory=list, description="facts it denies")


class Volume(Strict):
    start_per_min: float = Field(ge=0)
    end_per_min: float = Field(ge=0)
    shape: Shape = Shape.linear


class Phase(Strict):
    id: Identifier
    name: Localized
    start: Seconds
    end: Seconds
    volume: Volume
    personas: dict[Persona, float] = Field(min_length=1, description="relative weights")

    @model_validator(mode="after")
    def _ordered(self) -> "Phase":
        if self.end <= self.start:
            raise ValueError(N_("phase %(id)s: end must come after start", id=self.id))
        if any(weight < 0 for weight in self.personas.values()):
            raise ValueError(N_("phase %(id)s: persona weights cannot be negative", id=self.id))
        return self


class Gender(StrEnum):
    """Whom a template's words fit when they say who the author is (« enceinte »)."""

    female = "female"
    male = "male"


class Answers(StrEnum):
    """What a team's statement says, as the storm's listening reads it (docs/storm.md)."""

    contradiction = "contradiction"
    affirms_rumour = "affirms_rumour"
    contradicts_fact = "contradicts_fact"
    contempt = "contempt"
    refusal = "refusal"
    victims = "victims"
    third_party = "third_party"
    denies_responsibility = "denies_responsibility"
    conditional = "conditional"
    apology = "apology"
    denial = "denial"
    promise = "promise"


class PostTemplate(Strict):
    persona: Persona
    sentiment: Sentiment
    text: str = Field(min_length=3, max_length=600, description="a grammar: [a|b], <masc|fem>")
    gender: Gender | None = None
    context: TemplateContext = TemplateContext.storm
    rumour: Identifier | None = None
    answers: list[Answers] = Field(
        default_factory=list,
        description="a reaction that presumes what the team said (a refusal, blame, an apology"
        "…): used only for a statement that says one of these; empty: any statement",
    )


class Templates(Strict):
    en: list[PostTemplate] = Field(min_length=1)
    fr: list[PostTemplate] = Field(min_length=1)

    def get(self, language: str) -> list[PostTemplate]:
        return self.fr if language == "fr" else self.en


class Actor(Strict):
    name: str = Field(min_length=1)
    persona: Persona
    handle: str | None = Field(default=None, pattern=r"^@?\w{1,30}$")
    outlet: str | None = None


class NoStatement(Strict):
    """No public statement (a statement or a rumour correction) before the inject's `at`."""

    kind: Literal["no_statement"]


class RumourUncorrected(Strict):
    """The rumour not corrected (a correction that denies it, as the analysis reads it)
    before the inject's `at`."""

    kind: Literal["rumour_uncorrected"]
    rumour: Identifier


class FactDenied(Strict):
    """A public text of the team denies the fact (unhedged, as the analysis reads it)."""

    kind: Literal["fact_denied"]
    fact: Identifier


class Unanswered(Strict):
    """The inject (one expecting a response) not answered by its deadline."""

    kind: Literal["unanswered"]
    inject: Identifier


Condition = Annotated[
    NoStatement | RumourUncorrected | FactDenied | Unanswered, Field(discriminator="kind")
]
"""What makes a conditional inject fire: it fires at the first time, from its `at` on, at
which the condition holds (docs/scenarios.md, Conditional injects)."""
CONDITION_KINDS = ("no_statement", "rumour_uncorrected", "fact_denied", "unanswered")
# The key naming what a kind of condition is about (a `no_statement` is about nothing).
CONDITION_TARGETS = {"rumour_uncorrected": "rumour", "fact_denied": "fact", "unanswered": "inject"}


class Inject(Strict):
    id: Identifier
    at: Seconds
    when: Condition | None = Field(default=None, description="fire on a condition of the drill")
    channel: Channel
    actor: Actor
    content: Localized
    expects_response: bool = False
    deadline: Seconds | None = Field(default=None, description="absolute, since drill start")
    priority: Priority = Priority.normal
    rumour: Identifier | None = None

    @model_validator(mode="after")
    def _deadline(self) -> "Inject":
        if self.deadline is not None and self.deadline <= self.at:
            raise ValueError(
                N_("inject %(id)s: the deadline must come after the inject", id=self.id)
            )
        if self.expects_response and self.deadline is None:
            raise ValueError(
                N_("inject %(id)s: an inject expecting a response needs a deadline", id=self.id)
            )
        return self


KpiMetric = Annotated[
    str,
    Field(
        pattern=r"^(time_to_first_response_s|priority_reply_rate|median_reply_latency_s|"
        r"rumour_correction_s|key_message_coverage|checklist_on_time_rate|final_sentiment)$"
    ),
]


class Expectation(Strict):
    id: Identifier
    metric: KpiMetric
    target: float
    description: Localized


class NumberUnit(StrEnum):
    """How a number slot is written."""

    plain = "plain"
    percent = "percent"
    money = "money"
    days = "days"
    hours = "hours"
    minutes = "minutes"


class NumberRange(Strict):
    """A number slot's range: every post draws a whole number in [min, max]."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)
    unit: NumberUnit = NumberUnit.plain

    @model_validator(mode="after")
    def _ordered(self) -> "NumberRange":
        if self.max < self.min:
            raise ValueError(N_("max must not be below min"))
        return self


class Countries(Strict):
    """Where each language's storm happens: its place names, people's names and currency."""

    en: str = Field(default="GB", pattern="^(" + "|".join(COUNTRIES) + ")$")
    fr: str = Field(default="FR", pattern="^(" + "|".join(COUNTRIES) + ")$")

    def get(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


class Brand(Strict):
    """Defaults for the placeholders; a drill replaces `name` with the organisation's."""

    name: str
    short: str | None = Field(
        default=None, description="the name people use, e.g. Bellecombe; never literal in a post"
    )
    handle: str = Field(pattern=r"^@?\w{1,30}$")
    placeholders: dict[str, Localized] = Field(default_factory=dict)


class Scenario(Strict):
    """A crisis to rehearse."""

    id: Identifier
    title: Localized
    summary: Localized
    crisis_type: CrisisType
    responsibility: Responsibility
    severity: int = Field(ge=1, le=4)
    duration: Seconds
    brand: Brand
    start_time: str = Field(
        default="09:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="clock time at T+0"
    )
    countries: Countries = Field(default_factory=Countries)
    numbers: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], NumberRange] = Field(
        default_factory=dict, description="number slots and their ranges"
    )
    hashtags: LocalizedTerms
    facts: list[Fact] = Field(min_length=1)
    rumours: list[Rumour] = Field(default_factory=list)
    phases: list[Phase] = Field(min_length=1)
    templates: Templates
    injects: list[Inject] = Field(default_factory=list)
    expectations: list[Expectation] = Field(default_factory=list)
