"""Translations with Babel catalogues; the request's language lives in a context variable."""

from contextvars import ContextVar
from datetime import date, datetime
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.numbers import format_decimal
from babel.support import LazyProxy, Translations

LANGUAGES = ("en", "fr")
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "translations"

current_language: ContextVar[str] = ContextVar("current_language", default="en")


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


def format_datetime(value: datetime | None, format: str = "medium") -> str:
    """A date and time written the way the current language writes it."""
    if value is None:
        return ""
    return _format_datetime(value, format=format, locale=current_language.get())


def format_date(value: date | None, format: str = "medium") -> str:
    """A calendar date written the way the current language writes it."""
    if value is None:
        return ""
    return _format_date(value, format=format, locale=current_language.get())


def format_number(value: float | int | None) -> str:
    """A number with the current language's separators."""
    if value is None:
        return ""
    return format_decimal(value, locale=current_language.get())
