"""The printed pack's page furniture: fonts, styles, the notes box and per-section footers.

Fonts: DejaVu Sans (Latin, Greek, Cyrillic) from the system, else the copy matplotlib ships
(a dependency, so a fresh machine has it), else Helvetica with text folded to Latin-1.
Every heading style sets `leading`, or reportlab sets the text low (see STACK.md).
"""

import importlib.util
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from game.report.terminal_text import terminal_safe

PAGE = A4
MARGIN = 13 * mm
INK, MUTED, ACCENT, SECRET = colors.HexColor("#1b1b1b"), colors.HexColor("#5c5c5c"), colors.HexColor("#0b4f8a"), \
    colors.HexColor("#9b1c1c")
SHADE, SECRET_SHADE, RULE = colors.HexColor("#eef2f7"), colors.HexColor("#fbefef"), colors.HexColor("#b9c2cc")
_SYSTEM_FONTS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"),
                 Path("/usr/local/share/fonts"), Path("/Library/Fonts"), Path("C:/Windows/Fonts"))


def _matplotlib_fonts() -> Path | None:
    """Returns matplotlib's bundled font folder without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if not spec or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    unicode: bool
    source: str


_registered: Fonts | None = None


def register_fonts() -> Fonts:
    """Registers DejaVu Sans (regular and bold) once; falls back to Helvetica when it is nowhere."""
    global _registered
    if _registered:
        return _registered
    folders = [*_SYSTEM_FONTS, _matplotlib_fonts()]
    for folder in filter(None, folders):
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            pdfmetrics.registerFont(TTFont("PackSans", str(regular)))
            pdfmetrics.registerFont(TTFont("PackSans-Bold", str(bold)))
            pdfmetrics.registerFontFamily("PackSans", normal="PackSans", bold="PackSans-Bold",
                                          italic="PackSans", boldItalic="PackSans-Bold")
            _registered = Fonts("PackSans", "PackSans-Bold", True, str(regular))
            return _registered
    _registered = Fonts("Helvetica", "Helvetica-Bold", False, "Helvetica (built in)")
    return _registered


def text(value: object) -> str:
    """Returns scenario text safe for a Paragraph: no controls, XML escaped, Latin-1 if the font needs it."""
    plain = terminal_safe(value)
    if not register_fonts().unicode:
        folded = unicodedata.normalize("NFKD", plain)
        plain = "".join(c for c in folded if not unicodedata.combining(c)).encode("latin-1", "replace").decode("latin-1")
    return escape(plain).replace("\n", "<br/>")


def styles() -> dict[str, ParagraphStyle]:
    """Returns the pack's paragraph styles by name."""
    f = register_fonts()
    body = ParagraphStyle("body", fontName=f.regular, fontSize=9.5, leading=12.6, textColor=INK, alignment=TA_LEFT,
                          spaceAfter=3)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.3, leading=10.8, textColor=MUTED, spaceAfter=1),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.4, leading=10.4, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=f.bold, fontSize=8.4, leading=10.4,
                                    spaceAfter=0),
        "kicker": ParagraphStyle("kicker", parent=body, fontName=f.bold, fontSize=8, leading=10, textColor=SECRET,
                                 spaceAfter=2),
        "title": ParagraphStyle("title", parent=body, fontName=f.bold, fontSize=19, leading=23, textColor=INK,
                                spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=10, leading=13, textColor=MUTED,
                                   spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=body, fontName=f.bold, fontSize=11.5, leading=14.5, textColor=ACCENT,
                             spaceBefore=7, spaceAfter=2, keepWithNext=True),
        "h3": ParagraphStyle("h3", parent=body, fontName=f.bold, fontSize=10, leading=13, textColor=INK,
                             spaceBefore=5, spaceAfter=2, keepWithNext=True),
        "secret": ParagraphStyle("secret", parent=body, backColor=SECRET_SHADE, borderColor=SECRET, borderWidth=0.8,
                                 borderPadding=(5, 6, 5, 6), spaceBefore=4, spaceAfter=7),
        "public": ParagraphStyle("public", parent=body, backColor=SHADE, borderPadding=(5, 6, 5, 6),
                                 spaceBefore=4, spaceAfter=7),
        "item": ParagraphStyle("item", parent=body, leftIndent=12, bulletIndent=2, spaceAfter=2),
        "item_note": ParagraphStyle("item_note", parent=body, fontSize=8.3, leading=10.8, textColor=MUTED,
                                    leftIndent=12, spaceAfter=4),
    }


class SectionMark(Flowable):
    """Marks where a section (a delegation, the run sheet) starts; the footer names it on each page."""

    def __init__(self, key: str, label: str):
        super().__init__()
        self.key, self.label = key, label

    def wrap(self, avail_width, avail_height):
        return 0, 0

    def draw(self):
        doc = self.canv._doctemplate
        doc.section = (self.key, self.label)
        doc.layout.setdefault(self.key, []).append(doc.page)


class NotesBox(Flowable):
    """A ruled box for handwritten notes: the rest of the page, between 2.8 and 9 cm tall."""

    LOW, HIGH = 28 * mm, 90 * mm

    def __init__(self, title: str, font: str):
        super().__init__()
        self.title, self.font = title, font
        self.height = self.LOW

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = min(self.HIGH, avail_height - 2) if avail_height >= self.LOW else self.LOW
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setStrokeColor(RULE)
        c.setLineWidth(0.8)
        c.roundRect(0, 0, self.width, self.height, 4)
        c.setFillColor(MUTED)
        c.setFont(self.font, 8.5)
        c.drawString(6, self.height - 12, self.title)
        c.setLineWidth(0.3)
        y = self.height - 26
        while y > 8:
            c.line(6, y, self.width - 6, y)
            y -= 18


@dataclass
class PackDoc:
    """The document and what it learnt while building: which pages each section fills."""

    path: Path
    title: str
    layout: dict[str, list[int]] = field(default_factory=dict)

    def build(self, story: list) -> dict[str, list[int]]:
        """Writes the PDF; returns {section key: [page numbers]} (every page of every section)."""
        doc = BaseDocTemplate(str(self.path), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                              topMargin=MARGIN, bottomMargin=MARGIN + 6 * mm, title=terminal_safe(self.title),
                              author="Coalition Table", subject="Role pack and run sheet")
        doc.layout, doc.section = {}, ("", "")
        frame = Frame(MARGIN, MARGIN + 6 * mm, PAGE[0] - 2 * MARGIN, PAGE[1] - 2 * MARGIN - 6 * mm, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._footer)])
        doc.build(story)
        self.layout = doc.layout
        return self.layout

    def _footer(self, canvas, doc) -> None:
        key, label = doc.section
        pages = doc.layout.setdefault(key, [])
        if doc.page not in pages:  # a section's later pages: no mark is drawn on them
            pages.append(doc.page)
        f = register_fonts()
        right = f"{terminal_safe(label)}  ·  page {doc.page}" if label else f"page {doc.page}"
        right = _fit(right, f.bold, 7.5, PAGE[0] / 2)
        room = PAGE[0] - 2 * MARGIN - pdfmetrics.stringWidth(right, f.bold, 7.5) - 8 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, MARGIN + 3 * mm, PAGE[0] - MARGIN, MARGIN + 3 * mm)
        canvas.setFont(f.regular, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN, MARGIN - 1 * mm, _fit(terminal_safe(self.title), f.regular, 7.5, room))
        canvas.setFont(f.bold, 7.5)
        canvas.setFillColor(SECRET if key.startswith("seat:") else MUTED)
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN - 1 * mm, right)
        canvas.restoreState()


def _fit(value: str, font: str, size: float, width: float) -> str:
    """Returns value shortened with an ellipsis to fit width (footers only; the body never cuts)."""
    if pdfmetrics.stringWidth(value, font, size) <= width:
        return value
    while value and pdfmetrics.stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"
