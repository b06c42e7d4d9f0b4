"""A tiny HTML reader for route tests (the standard library's parser, no extra dependency)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"input", "br", "meta", "link", "img", "hr", "col", "source", "wbr", "area"}


@dataclass
class Element:
    """An element with its attributes and the whitespace-normalised text inside it."""

    tag: str
    attrs: dict[str, str | None]
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())

    def get(self, name: str) -> str | None:
        return self.attrs.get(name)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.parts.append(data)


def parse(html: str) -> list[Element]:
    """Every element of the document, in order."""
    reader = _Reader()
    reader.feed(html)
    return reader.elements


def find_all(html: str, tag: str | None = None, **attrs: str) -> list[Element]:
    """Elements with this tag and these attribute values (`class_` for class)."""
    wanted = {name.rstrip("_"): value for name, value in attrs.items()}
    return [
        element
        for element in parse(html)
        if (tag is None or element.tag == tag)
        and all(element.attrs.get(name) == value for name, value in wanted.items())
    ]


def by_id(html: str, element_id: str) -> Element:
    """The element with this id (fails the test if absent)."""
    found = find_all(html, id=element_id)
    assert found, f"no element with id {element_id!r}"
    return found[0]
