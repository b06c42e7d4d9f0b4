"""Parse an HTML answer and query it with CSS selectors, so tests assert content, not luck."""

import cssselect2
import tinyhtml5


class Page:
    """An HTML document to query."""

    def __init__(self, html: str) -> None:
        self.root = cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(html))

    def all(self, selector: str) -> list[cssselect2.ElementWrapper]:
        """Every element matching `selector`."""
        return list(self.root.query_all(selector))

    def one(self, selector: str) -> cssselect2.ElementWrapper:
        """The single element matching `selector`; fails when there are none or several."""
        found = self.all(selector)
        assert len(found) == 1, f"{len(found)} elements match {selector!r}"
        return found[0]

    def text(self, selector: str) -> str:
        """The whitespace-normalised text of the single element matching `selector`."""
        return " ".join("".join(self.one(selector).etree_element.itertext()).split())

    def texts(self, selector: str) -> list[str]:
        """The normalised texts of every element matching `selector`."""
        return [" ".join("".join(e.etree_element.itertext()).split()) for e in self.all(selector)]

    def attr(self, selector: str, name: str) -> str | None:
        """An attribute of the single element matching `selector`."""
        return self.one(selector).etree_element.get(name)
