"""Every JSON a template embeds goes through `tojson`, which escapes <, > and & (and ')."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EMBEDDED = re.compile(r"<script[^>]*application/json[^>]*>(.*?)</script>|data-[\w-]+='([^']*)'")


def embedded_json() -> list[tuple[str, str]]:
    """(template, expression) for each JSON script block and single-quoted data attribute."""
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for match in EMBEDDED.finditer(path.read_text(encoding="utf-8")):
            found.append((path.name, match.group(1) or match.group(2)))
    return found


def test_templates_embed_json_only_through_tojson():
    found = embedded_json()
    assert any(name == "_trend.html" for name, _expr in found)
    assert [(name, expr) for name, expr in found if not re.search(r"\|\s*tojson\s*}}", expr)] == []
