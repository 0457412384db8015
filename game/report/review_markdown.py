"""Renders a report `Document` as Markdown for students' write-ups: the same sections as the page.

Charts become PNG files beside the Markdown when an image folder is given (Word, Google
Docs and pandoc all take PNG), and every chart is followed by its numbers as a table.
"""

import re
from collections.abc import Callable
from pathlib import Path

from game.report import charts
from game.report.document import (
    Badge,
    Bullets,
    Document,
    Entries,
    Figure,
    Link,
    Meter,
    Para,
    Section,
    Strong,
    Sub,
    Table,
)
from game.report.review_html import BADGES

_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str) -> str:
    """Escapes the characters Markdown would read as markup; newlines become spaces."""
    escaped = _SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))
    return "\\" + escaped if escaped.startswith("#") else escaped


def render_markdown(document: Document, image: Callable[[Figure], str] | None = None) -> str:
    """Returns the document as Markdown; `image(figure)` returns a link to a saved chart, if any."""
    lines = [f"# {md_escape(document.title)}", "", md_escape(document.subtitle), ""]
    lines += [f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in document.facts]
    if document.banner:
        lines += ["", f"> {_run(document.banner)}"]
    lines += ["", "## Contents", ""]
    lines += [f"{i}. [{md_escape(s.title)}](#{s.id})" for i, s in enumerate(document.sections, 1)]
    for section in document.sections:
        lines += ["", *_section(section, image)]
    if document.footer:
        lines += ["", "---", "", f"*{md_escape(document.footer)}*"]
    return "\n".join(lines).rstrip() + "\n"


def write_images(document: Document, folder: Path, link_prefix: str) -> Callable[[Figure], str]:
    """Saves each chart as PNG in `folder`; returns the function that links a figure to its file."""
    folder.mkdir(parents=True, exist_ok=True)

    def image(figure: Figure) -> str:
        path = folder / f"{figure.key}.png"
        path.write_bytes(charts.png(figure.draw))
        return f"{link_prefix}{figure.key}.png"

    return image


def _section(section: Section, image) -> list[str]:
    lines = [f'<a id="{section.id}"></a>', "", f"## {md_escape(section.title)}", ""]
    if section.intro:
        lines += [f"*{md_escape(section.intro)}*", ""]
    return lines + _blocks(section.blocks, image, 3)


def _blocks(blocks, image, level: int) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Sub):
            lines += [f"{'#' * level} {md_escape(block.title)}", "", *_blocks(block.blocks, image, level + 1)]
        elif isinstance(block, Figure):
            lines += _figure(block, image)
        else:
            lines += [*_BLOCKS[type(block)](block), ""]
    return lines


def _para(p: Para) -> list[str]:
    text = _run(p.parts)
    if p.style == "quote":
        return [f"> {text}"]
    if p.style == "note" and all(isinstance(x, str | Link) for x in p.parts):
        return [f"*{text}*"]
    return [text]


def _bullets(b: Bullets) -> list[str]:
    return [f"{f'{i}.' if b.ordered else '-'} {_run(item)}" for i, item in enumerate(b.items, 1)]


def _table(t: Table) -> list[str]:
    lines = ["| " + " | ".join(md_escape(h) for h in t.head) + " |",
             "|" + "|".join("---:" if i in t.numeric else "---" for i in range(len(t.head))) + "|"]
    lines += ["| " + " | ".join(_run(c) for c in row) + " |" for row in t.rows]
    if t.caption:
        lines += ["", f"*{md_escape(t.caption)}*"]
    return lines


def _figure(f: Figure, image) -> list[str]:
    lines = [f"**{md_escape(f.title)}.** {md_escape(f.alt)}", ""]
    if image is not None:
        lines += [f"![{md_escape(f.title)}]({image(f)})", ""]
    if f.data:
        lines += [*_table(f.data), ""]
    return lines


def _entries(e: Entries) -> list[str]:
    return [f"- **{md_escape(x.label)}:** {md_escape(x.text)}" + (f" *({md_escape(x.note)})*" if x.note else "")
            for x in e.items]


_BLOCKS = {Para: _para, Bullets: _bullets, Table: _table, Entries: _entries}


def _run(parts) -> str:
    return "".join(_INLINE[type(p)](p) for p in parts)


def _badge(b: Badge) -> str:
    symbol, label = BADGES.get(b.status, ("•", b.status))
    return f"**{symbol} {md_escape(b.text or label)}**"


def _meter(m: Meter) -> str:
    share = m.value / m.target if m.target else 0
    return f"{m.value:g} / {m.target:g} ({share:.0%})"


def _strong(s: Strong) -> str:
    """Returns **text**, with any outer spaces outside the markers (CommonMark needs that)."""
    text = s.text.strip()
    before = " " if s.text[:1].isspace() else ""
    after = " " if s.text[-1:].isspace() else ""
    return f"{before}**{md_escape(text)}**{after}" if text else s.text


_INLINE = {str: md_escape, Strong: _strong, Badge: _badge,
           Link: lambda x: f"[{md_escape(x.text)}]({x.href})", Meter: _meter}
