"""Renders a report `Document` as one self-contained HTML page: inline CSS, charts as inline SVG.

Nothing is loaded from anywhere (no scripts, stylesheets, fonts or remote images), so the
file opens offline in any browser. Every piece of scenario or log text is escaped here.
Large type and strong contrast for a projector; a print stylesheet for paper.
"""

from html import escape

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
from game.report.page_style import CSS

# status -> (symbol, default label); the symbol and the word carry the meaning, colour only helps.
BADGES = {
    "secured": ("✔", "secured"), "partial": ("◐", "partial"), "failed": ("✗", "failed"),
    "success": ("✔", "success"), "failure": ("✗", "failure"), "met": ("✔", "met"), "unmet": ("✗", "not met"),
    "same": ("=", "same"), "better": ("▲", "better"), "worse": ("▼", "worse"), "unknown": ("?", "unknown"),
}


def render_html(document: Document) -> str:
    """Returns the whole page."""
    toc = "".join(f'<li><a href="#{escape(s.id)}">{escape(s.title)}</a></li>' for s in document.sections)
    facts = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in document.facts)
    banner = f'<p class="banner">{_run(document.banner)}</p>' if document.banner else ""
    sections = "\n".join(_section(s) for s in document.sections)
    footer = f"<footer><p>{escape(document.footer)}</p></footer>" if document.footer else ""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(document.title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="cover"><h1>{escape(document.title)}</h1>'
        f'<p class="subtitle">{escape(document.subtitle)}</p><dl class="facts">{facts}</dl>{banner}</header>\n'
        f'<nav class="toc" aria-label="Contents"><p class="toc-title">Contents</p><ol>{toc}</ol></nav>\n'
        f"<main>\n{sections}\n</main>\n{footer}\n</body>\n</html>\n"
    )


def _section(section: Section) -> str:
    intro = f'<p class="intro">{escape(section.intro)}</p>' if section.intro else ""
    return (f'<section id="{escape(section.id)}">\n<h2>{escape(section.title)}</h2>{intro}\n'
            f"{_blocks(section.blocks)}\n</section>")


def _blocks(blocks) -> str:
    """Renders blocks in order; consecutive cards share one grid."""
    out: list[str] = []
    cards: list[str] = []
    for block in blocks:
        if isinstance(block, Sub) and block.card:
            cards.append(_sub(block))
            continue
        if cards:
            out.append(f'<div class="cards">{"".join(cards)}</div>')
            cards = []
        out.append(_BLOCKS[type(block)](block))
    if cards:
        out.append(f'<div class="cards">{"".join(cards)}</div>')
    return "\n".join(out)


def _sub(sub: Sub) -> str:
    kind = "card" if sub.card else "sub"
    return f'<div class="{kind}"><h3>{escape(sub.title)}</h3>\n{_blocks(sub.blocks)}</div>'


def _para(p: Para) -> str:
    style = f' class="{p.style}"' if p.style else ""
    return f"<p{style}>{_run(p.parts)}</p>"


def _bullets(b: Bullets) -> str:
    tag = "ol" if b.ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{_run(item)}</li>" for item in b.items) + f"</{tag}>"


def _table(t: Table) -> str:
    def cell(tag: str, i: int, content: str) -> str:
        cls = ' class="num"' if i in t.numeric else ""
        return f"<{tag}{cls}>{content}</{tag}>"

    caption = f"<caption>{escape(t.caption)}</caption>" if t.caption else ""
    head = "".join(cell("th", i, escape(h)) for i, h in enumerate(t.head))
    body = "".join("<tr>" + "".join(cell("td", i, _run(c)) for i, c in enumerate(row)) + "</tr>" for row in t.rows)
    return (f'<div class="table-wrap"><table>{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _figure(f: Figure) -> str:
    data = f"<details><summary>The numbers</summary>{_table(f.data)}</details>" if f.data else ""
    return (f'<figure id="fig-{escape(f.key)}"><figcaption><strong>{escape(f.title)}.</strong> '
            f"{escape(f.alt)}</figcaption>\n{charts.svg(f.draw, f.key, f.title)}\n{data}</figure>")


def _entries(e: Entries) -> str:
    items = []
    for entry in e.items:
        note = f' <span class="private">({escape(entry.note)})</span>' if entry.note else ""
        items.append(f'<li class="tone-{escape(entry.tone)}"><span class="label">{escape(entry.label)}</span> '
                     f'<span class="text">{escape(entry.text)}{note}</span></li>')
    return f'<ul class="entries">{"".join(items)}</ul>'


_BLOCKS = {Para: _para, Bullets: _bullets, Table: _table, Figure: _figure, Entries: _entries, Sub: _sub}


def _run(parts) -> str:
    return "".join(_INLINE[type(p)](p) for p in parts)


def _badge(b: Badge) -> str:
    symbol, label = BADGES.get(b.status, ("•", b.status))
    return (f'<span class="badge b-{escape(b.status)}"><span aria-hidden="true">{symbol}</span> '
            f"{escape(b.text or label)}</span>")


def _link(link: Link) -> str:
    safe = link.href.startswith(("#", "https://", "http://"))
    return f'<a href="{escape(link.href)}">{escape(link.text)}</a>' if safe else escape(link.text)


def _meter(m: Meter) -> str:
    scale = max(m.target, m.value, 1e-9)
    fill = min(100.0, 100 * m.value / scale)
    return (f'<span class="meter-wrap"><span class="meter" aria-hidden="true"><span class="fill" style="width:{fill:.1f}%"></span>'
            f'<span class="mark partial-mark" style="left:{100 * m.partial / scale:.1f}%"></span>'
            f'<span class="mark target-mark" style="left:{100 * m.target / scale:.1f}%"></span></span>'
            f' <span class="meter-num">{m.value:g} / {m.target:g}</span></span>')


_INLINE = {str: escape, Strong: lambda s: f"<strong>{escape(s.text)}</strong>", Badge: _badge, Link: _link,
           Meter: _meter}
