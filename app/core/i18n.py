"""Translations with Babel catalogues; the request's language lives in a context variable."""

from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from datetime import date, datetime
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_time as _format_time
from babel.dates import get_datetime_format
from babel.numbers import format_decimal
from babel.numbers import format_percent as _format_percent
from babel.support import LazyProxy, Translations
from markupsafe import Markup

from app.core.timezones import aware

LANGUAGES = ("en", "fr")
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "translations"

current_language: ContextVar[str] = ContextVar("current_language", default="en")
current_time_zone: ContextVar[str] = ContextVar("current_time_zone", default="UTC")


def zone() -> ZoneInfo:
    """The reader's time zone: times are typed and shown in it."""
    return ZoneInfo(current_time_zone.get())


@lru_cache
def translations(language: str) -> NullTranslations:
    """Every compiled catalogue of `language`, merged; English source strings if none.

    Each domain package keeps its own catalogue (`core.po`, `plans.po`…) so that
    work on one domain never rewrites another's translations.
    """
    merged: NullTranslations = NullTranslations()
    for mo in sorted((TRANSLATIONS_DIR / language / "LC_MESSAGES").glob("*.mo")):
        loaded = Translations.load(str(TRANSLATIONS_DIR), [language], domain=mo.stem)
        merged = loaded if type(merged) is NullTranslations else merged.merge(loaded)
    return merged


def gettext(message: str, **variables: object) -> str:
    """Translate `message` into the current language, then fill `%(name)s` variables."""
    text = translations(current_language.get()).gettext(message)
    return text % variables if variables else text


class _KeepUnknown(dict):
    """Format values that leave `%(name)s` in place when `name` is not given."""

    def __missing__(self, key: str) -> str:
        return f"%({key})s"


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    """Plural-aware translation; `n` is available as `%(num)s`.

    Jinja's new-style ngettext calls this with the count only and fills the template's other
    variables itself afterwards, so the ones not given here are kept for it.
    """
    text = translations(current_language.get()).ngettext(singular, plural, n)
    return text % _KeepUnknown({"num": n, **variables})


def lazy_gettext(message: str, **variables: object) -> LazyProxy:
    """A translation resolved when shown, for strings defined at import time."""
    return LazyProxy(gettext, message, **variables, enable_cache=False)


_ = gettext


class LanguageTable(Mapping[str, str]):
    """Names kept per language in a pure module's own table, read in the current language.

    A pure core keeps its words in `{language: {key: text}}` tables instead of catalogues; this
    lets pages read the very same words, so a name is written once for every place showing it.
    """

    def __init__(self, table: Mapping[str, Mapping[str, str]], keys: tuple[str, ...] = ()) -> None:
        self.table = table
        self.keys_shown = keys or tuple(table[LANGUAGES[0]])

    def __getitem__(self, key: str) -> str:
        texts = self.table.get(current_language.get(), self.table[LANGUAGES[0]])
        return texts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys_shown)

    def __len__(self) -> int:
        return len(self.keys_shown)


def in_every_language(words: Callable[[], Mapping[str, object]]) -> dict[str, Markup]:
    """`words()` computed in every language, each key's texts as one span per language.

    For HTML rendered once for readers of any language (the live feed): the stylesheet shows
    only the spans of the page's language (`.ui-en`, `.ui-fr`).
    """
    texts: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        token = current_language.set(language)
        try:
            texts[language] = {key: str(text) for key, text in words().items()}
        finally:
            current_language.reset(token)
    span = Markup('<span class="ui-{0}" lang="{0}">{1}</span>')
    return {
        key: Markup("").join(span.format(language, texts[language][key]) for language in LANGUAGES)
        for key in texts[LANGUAGES[0]]
    }


def negotiate(accept_language: str | None, default: str = "en") -> str:
    """The best supported language for an Accept-Language header."""
    if not accept_language:
        return default
    preferred = []
    for part in accept_language.split(","):
        tag, _sep, quality = part.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            weight = 0.0
        if tag:
            preferred.append((weight, tag.replace("_", "-")))
    ordered = [tag for _weight, tag in sorted(preferred, key=lambda p: -p[0])]
    found = Locale.negotiate(ordered, list(LANGUAGES), sep="-")
    return str(found) if found else default


def format_datetime(value: datetime | None) -> str:
    """A moment in the reader's time zone, in the one way each language writes it.

    Every page uses this one shape (medium date, time to the minute), so that lists never mix
    "3:16:43 PM" with "12/4/26".
    """
    if value is None:
        return ""
    language = current_language.get()
    local = aware(value).astimezone(zone())
    pattern = get_datetime_format("medium", locale=language)
    day = _format_date(local.date(), format="medium", locale=language)
    time = _format_time(local, format="short", tzinfo=local.tzinfo, locale=language)
    return pattern.replace("{1}", day).replace("{0}", time)


def format_date(value: date | datetime | None, format: str = "medium") -> str:
    """A calendar date written the way the current language writes it.

    A moment is first moved into the reader's time zone: near midnight UTC its day differs.
    """
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = aware(value).astimezone(zone()).date()
    return _format_date(value, format=format, locale=current_language.get())


def format_number(value: float | int | None) -> str:
    """A number with the current language's separators."""
    if value is None:
        return ""
    return format_decimal(value, locale=current_language.get())


def format_percent(share: float | None, digits: int = 0) -> str:
    """A share (0.8) as a percentage the current language writes ("80%", "80 %")."""
    if share is None:
        return ""
    rounded = round(share, 2 + digits)
    return _format_percent(rounded, locale=current_language.get(), decimal_quantization=False)


def format_minutes(seconds: float | None) -> str:
    """A duration in seconds as minutes, to the tenth, with the language's decimal mark."""
    if seconds is None:
        return ""
    minutes = format_decimal(round(seconds / 60, 1), locale=current_language.get())
    return gettext("%(minutes)s min", minutes=minutes)
