"""Problem messages in English that a page can show again in its reader's language.

The loader and its checks are shared by the command line (English, for files in a repository)
and the studio (the trainer's language). A check writes `N_("unknown fact %(fact)r",
fact=...)`: the result is the English text the command line prints, and it keeps its template
and values, so the web layer renders it once more through the catalogues (`scenarios.po`,
pybabel's `N_` keyword marks the template). A value may be a message itself, rendered in turn.
"""

from collections.abc import Callable

Gettext = Callable[..., str]


class Message(str):
    """An English message that remembers its template and values."""

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, **values: object) -> "Message":
        message = super().__new__(cls, template % values if values else template)
        message.template, message.values = template, values
        return message

    def rendered(self, gettext: Gettext) -> str:
        """The message through `gettext(template, **values)`: in that catalogue's language."""
        values = {key: in_language(value, gettext) for key, value in self.values.items()}
        return gettext(self.template, **values)


def N_(template: str, **values: object) -> Message:  # noqa: N802 (gettext's marker name)
    """Mark `template` for translation and fill it in English."""
    return Message(template, **values)


def in_language(value: object, gettext: Gettext) -> object:
    """`value` rendered through `gettext` if it is a message; as it is otherwise (a plain
    message, such as a YAML parser's, stays English)."""
    return value.rendered(gettext) if isinstance(value, Message) else value


def joined(items: list[str]) -> str:
    """`en`, or `en and fr`, in words the reader's language can say."""
    if len(items) < 2:
        return "".join(items)
    return N_("%(first)s and %(last)s", first=", ".join(items[:-1]), last=items[-1])
