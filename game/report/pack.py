"""The printed classroom pack: one confidential role card per delegation, then the run sheet.

Built from the scenario alone, in the scenario's own words, with reportlab's flowing
layout: a long brief runs onto a second page of the same delegation, never off the page,
and each delegation starts on a fresh page so a card can be handed out on its own.
"""

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from game.engine import Names, explain_conditions, percent, role_label, signed, spokesperson
from game.errors import CoalitionError
from game.model.delegates import Delegate
from game.model.scenario import Scenario
from game.report import pack_layout as layout
from game.report.pack_layout import NotesBox, PackDoc, SectionMark, register_fonts, styles, text
from game.report.pack_runsheet import runsheet_story


def pack_seats(scenario: Scenario, everyone: bool = False) -> list[Delegate]:
    """Returns the delegations to print: the core classroom seats (all when none is core), or every one."""
    core = [d for d in scenario.delegates if d.core]
    return list(scenario.delegates) if everyone or not core else core


def write_pack(scenario: Scenario, path: str | Path, *, everyone: bool = False) -> dict[str, list[int]]:
    """Writes the pack PDF to path; returns the pages of each section ("seat:<id>", "runsheet").

    Refuses (CoalitionError) a path whose folder does not exist, rather than creating it.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise CoalitionError(f"cannot write {path}: the folder '{path.parent}' does not exist (create it first)")
    seats = pack_seats(scenario, everyone)
    s, names = styles(), Names(scenario)
    story: list = []
    for delegate in seats:
        story += delegation_story(scenario, delegate, names, s)
        story.append(PageBreak())
    story += runsheet_story(scenario, seats, names, s)
    doc = PackDoc(path, f"{scenario.meta.title} · classroom pack")
    try:
        return doc.build(story)
    except OSError as err:
        raise CoalitionError(f"cannot write {path}: {err.strerror or err}") from None


def delegation_story(scenario: Scenario, d: Delegate, names: Names, s: dict) -> list:
    """Returns the flowables of one delegation's card: who, briefs, objectives, red lines, capacities, votes."""
    speaker, title = spokesperson(d)
    flags = ", ".join(_attribute(a) for a in d.attributes)
    person = f"{text(speaker)}, {text(title)}" if d.principal else ""  # else the name and role say it
    who = " · ".join(x for x in (person, role_label(d.role), text(d.country), flags) if x)
    seat = "core seat: played by students" if d.core else "extra seat: a bot plays it unless a student takes it"
    facts = (f"Political capital <b>{d.political_capital}</b> (spent when you withdraw a commitment) · "
             f"binding commitments: <b>{'yes' if d.binding_authority else 'no, your representative cannot bind'}</b>"
             f" · {seat}")
    story = [
        SectionMark(f"seat:{d.id}", f"CONFIDENTIAL · {d.name} delegation only"),
        Paragraph(f"CONFIDENTIAL ROLE CARD · {text(scenario.meta.title)}", s["kicker"]),
        Paragraph(text(d.name), s["title"]),
        Paragraph(who, s["subtitle"]),
        Paragraph(facts, s["small"]),
        Paragraph("Public brief: everyone at the table knows this", s["h2"]),
        Paragraph(text(d.public_brief), s["public"]),
        Paragraph("Confidential brief: for your delegation only", s["h2"]),
        Paragraph(text(d.confidential_brief), s["secret"]),
    ]
    story += objectives_story(d, names, s)
    story += red_lines_story(d, names, s)
    story += capacities_story(scenario, d, names, s)
    story += approvals_story(scenario, d, names, s)
    story += [Spacer(1, 4 * mm), NotesBox("Notes: offers made and received, promises, who to talk to next",
                                          register_fonts().regular)]
    return story


def _attribute(some_id: str) -> str:
    """Returns "EU", "G7", "NATO" for short or numbered ids, else the id in words ("co chair")."""
    acronym = len(some_id) <= 2 or any(c.isdigit() for c in some_id) or some_id in ("nato", "osce", "asean")
    return some_id.upper() if acronym else some_id.replace("_", " ").replace("-", " ")


def objectives_story(d: Delegate, names: Names, s: dict) -> list:
    if not d.objectives:
        return [Paragraph("Private objectives", s["h2"]),
                Paragraph(f"None: play for the {text(names.vocabulary.group)}.", s["body"])]
    best = sum(o.points for o in d.objectives if o.points > 0)
    story = [Paragraph(f"Your private objectives (up to {best} points at the end of the game)", s["h2"])]
    for o in d.objectives:
        story.append(Paragraph(f"<b>{signed(o.points)} points</b>  {text(o.description)}", s["item"], bulletText="■"))
        story.append(Paragraph(f"Met when {text(explain_conditions(o.when, names))}.", s["item_note"]))
    return story


def red_lines_story(d: Delegate, names: Names, s: dict) -> list:
    red = d.red_lines
    lines = []
    if red.kinds:
        lines.append(f"You never commit <b>{text(', '.join(names.kind(k) for k in red.kinds))}</b>.")
    if red.priorities:
        lines.append(f"You never pledge to or sign <b>{text('; '.join(names(p) for p in red.priorities))}</b>.")
    if red.note:
        lines.append(text(red.note))
    return [Paragraph("Red lines", s["h2"]), Paragraph(" ".join(lines) or "None.", s["body"])]


def capacities_story(scenario: Scenario, d: Delegate, names: Names, s: dict) -> list:
    short = {p.id: p.short or p.name for p in scenario.priorities}
    rows = [[Paragraph(h, s["cell_bold"]) for h in ("What you can give", "You have", "Each unit advances",
                                                     "Before it counts")]]
    for kind in scenario.commitment_kinds:
        amount = d.capacities.get(kind.id, 0)
        if not amount:
            continue
        advances = ", ".join(f"{short[p]} {signed(v)}" for p, v in kind.contributes.items())
        rows.append([Paragraph(text(kind.name), s["cell"]), Paragraph(text(names.quantity(amount, kind.id)), s["cell"]),
                     Paragraph(text(advances), s["cell"]), Paragraph(_gate(scenario, d, kind), s["cell"])])
    if len(rows) == 1:
        return [Paragraph("Capacities", s["h2"]), Paragraph("Nothing to commit: you bargain and sign.", s["body"])]
    widths = [38 * mm, 40 * mm, 54 * mm, None]
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), layout.SHADE), ("LINEBELOW", (0, 0), (-1, -1), 0.3, layout.RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TEXTCOLOR", (0, 0), (-1, -1), layout.INK),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return [Paragraph("Capacities: what you can commit", s["h2"]), table]


def _gate(scenario: Scenario, d: Delegate, kind) -> str:
    """Returns what stands between a pledge of this kind and its counting: a red line, a vote, authority."""
    if kind.id in d.red_lines.kinds:
        return "<b>never: red line</b>"
    parts = []
    approval = d.approvals.get(kind.id)
    if approval and approval.required:
        parts.append(f"a vote: {text(approval.body)} ({percent(approval.chance)})")
    elif not approval and kind.needs_approval:
        parts.append(f"a domestic vote ({percent(scenario.rules.default_approval_chance)})")
    if kind.needs_binding_authority:
        parts.append("a representative who can bind")
    return "; ".join(parts) or "counts at once"


def approvals_story(scenario: Scenario, d: Delegate, names: Names, s: dict) -> list:
    low, high = scenario.rules.approval_chance_bounds
    story = []
    for kind in scenario.commitment_kinds:
        approval = d.approvals.get(kind.id)
        needs = approval.required if approval else kind.needs_approval
        if kind.id in d.red_lines.kinds or not needs or not d.capacities.get(kind.id):
            continue
        body = approval.body if approval else f"your {names.vocabulary.approval_body}"
        chance = approval.chance if approval else scenario.rules.default_approval_chance
        story.append(Paragraph(f"<b>{text(kind.name)}</b>: {text(body)} approves with a <b>{percent(chance)}</b> "
                               "chance", s["item"], bulletText="■"))
        for m in approval.modifiers if approval else ():
            note = f" ({text(m.note)})" if m.note else ""
            story.append(Paragraph(f"{signed(m.by * 100)} points while {text(explain_conditions(m.when, names))}{note}",
                                   s["item_note"]))
    if not story:
        return []
    cost = scenario.rules.approval_capital_cost
    rule = (f"Seek approval on your turn; the vote is held in the approvals phase at the end of the round. "
            f"Odds stay between {percent(low)} and {percent(high)}"
            + (f"; each vote costs {cost} political capital." if cost else "; a vote costs no political capital."))
    return [Paragraph("Approval odds: your domestic votes", s["h2"]), *story, Paragraph(rule, s["small"])]
