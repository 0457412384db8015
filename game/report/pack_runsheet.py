"""The facilitator's run sheet at the end of the pack: seats, lesson plans, event cards, debrief.

Plans come from `pack_plans` (the timing model), the debrief from the review's hotwash
(`hotwash.py`), so the printed questions and the projected review run in the same order.
"""

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

from game.engine import Names, describe_effect, explain_conditions, spokesperson
from game.model.delegates import Delegate
from game.model.scenario import Scenario
from game.report.hotwash import hotwash
from game.report.pack_layout import RULE, SHADE, SectionMark, text
from game.report.pack_plans import PLAN_MINUTES, RESEAT_MINUTES, Plan, make_plan, seating

PHASE_WORDS = {"events": "event card", "negotiation": "negotiation", "approvals": "votes", "scoring": "scoring"}


def runsheet_story(scenario: Scenario, printed: list[Delegate], names: Names, s: dict) -> list:
    """Returns the run sheet's flowables."""
    meta = scenario.meta
    story = [
        SectionMark("runsheet", "FACILITATOR'S RUN SHEET · not for students"),
        Paragraph("FACILITATOR'S RUN SHEET · not for students", s["kicker"]),
        Paragraph(text(meta.title), s["title"]),
        Paragraph(f"{text(meta.setting)} · {text(meta.date)}", s["subtitle"]),
        Paragraph(text(meta.summary), s["body"]),
        Paragraph("How a round runs", s["h2"]),
        Paragraph(_rules_words(scenario), s["body"]),
    ]
    story += _priorities(scenario, names, s)
    story += _seats(scenario, printed, s)
    for minutes in PLAN_MINUTES:
        story += _plan(scenario, make_plan(scenario, minutes), names, s)
    story += _events(scenario, names, s)
    story += _debrief(scenario, s)
    return story


def _table(rows: list[list], widths: list, s: dict, header: bool = True) -> Table:
    cells = [[c if not isinstance(c, str) else Paragraph(c, s["cell_bold" if header and i == 0 else "cell"])
              for c in row] for i, row in enumerate(rows)]
    table = Table(cells, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                               *([("BACKGROUND", (0, 0), (-1, 0), SHADE)] if header else [])]))
    return table


def _rules_words(scenario: Scenario) -> str:
    r = scenario.rules
    phases = " → ".join(PHASE_WORDS[p] for p in r.phases)
    expiry = ("unanswered offers expire at the end of the round" if r.offers_expire == "end_of_round"
              else "offers stay open until answered")
    cards = f"{r.events_per_round} event card{'s' if r.events_per_round != 1 else ''} drawn per round"
    return (f"<b>{r.rounds} rounds</b>, each: {phases}. In negotiation every delegation has {r.turns_per_round} "
            f"turns of {r.actions_per_turn} actions (pledge, offer, answer, sign, seek approval, withdraw, pass); "
            f"{cards}; {expiry}. Withdrawing a commitment costs {r.withdraw_capital_cost} political capital.")


def _priorities(scenario: Scenario, names: Names, s: dict) -> list:
    rows = [["Priority", "Target", "Partial at", "Also needs"]]
    for p in scenario.priorities:
        needs = []
        if p.required_leads:
            needs.append("a commitment from " + " or ".join(names(x) for x in p.required_leads) + " as lead")
        if p.min_signatories:
            needs.append(f"{p.min_signatories} signatures")
        if p.required_signatories:
            needs.append("the signature of " + ", ".join(names(x) for x in p.required_signatories))
        partial = p.partial_at if p.partial_at is not None else p.target / 2
        rows.append([f"<b>{text(p.name)}</b>", f"{p.target:g}", f"{partial:g}", text("; ".join(needs) or "—")])
    return [Paragraph(f"What the {text(names.vocabulary.group)} must secure", s["h2"]),
            _table(rows, [70 * mm, 16 * mm, 18 * mm, None], s)]


def _seats(scenario: Scenario, printed: list[Delegate], s: dict) -> list:
    seat = seating(scenario)
    humans = {d.id for d in seat.humans}
    body = text(scenario.vocabulary.approval_body)  # a fourth student plays the vote at home
    share = ("one student per seat" if seat.per_seat == 1 else
             f"{seat.per_seat} students per seat (head of delegation, negotiator"
             + (", note-taker" if seat.per_seat >= 3 else "") + (f", {body}" if seat.per_seat >= 4 else "") + ")")
    spare = f" The {seat.spare} left over play the press or a second facilitator." if seat.spare else ""
    intro = (f"A class of 12 plays the {len(humans)} core seats, {share}; bots play the other seats.{spare} "
             f"This pack holds {len(printed)} role card{'s' if len(printed) != 1 else ''}: print one per seat "
             "and hand each out folded. At the table, the setup screen marks the core seats as human.")
    rows = [["Delegation", "Principal", "In a class of 12", "Card"]]
    in_pack = {d.id for d in printed}
    for d in scenario.delegates:
        who = "students" if d.id in humans else f"bot ({d.bot})"
        rows.append([f"<b>{text(d.name)}</b>", text(", ".join(spokesperson(d))), who,
                     "in this pack" if d.id in in_pack else "—"])
    return [Paragraph("Seats", s["h2"]), Paragraph(intro, s["body"]),
            _table(rows, [44 * mm, 76 * mm, 30 * mm, None], s)]


def _clock(minute: int) -> str:
    return f"{minute // 60}:{minute % 60:02d}"


def _plan(scenario: Scenario, plan: Plan, names: Names, s: dict) -> list:
    rounds = scenario.rules.rounds
    played = "every round" if plan.rounds == rounds else f"{plan.rounds} of {rounds} rounds"
    games = f", {plan.games} games" if plan.games > 1 else ""
    injects = dict(plan.injects)
    rows, t = [["Time", "What happens"]], 0

    def row(minutes: int, what: str) -> None:
        nonlocal t
        rows.append([f"{_clock(t)}–{_clock(t + minutes)}", what])
        t += minutes

    row(plan.briefing, "Welcome; seats and roles; students read their role cards in silence, then the public "
        "briefs aloud; the facilitator shows the table and the curtain.")
    for game in range(1, plan.games + 1):
        if game > 1:
            row(RESEAT_MINUTES, f"Game {game}: rotate seats, hand out the new cards, start a new game (new seed).")
        for r in range(1, plan.rounds + 1):
            if plan.pause and game == 1 and r == plan.rounds // 2 + 1:
                row(plan.pause, "Break. Pause the game (Space in the facilitator panel).")
            phases = ", ".join(f"{PHASE_WORDS[p]} {m} min" for p, m in plan.phases)
            extra = ""
            if r in injects and game == 1:
                cards = " or ".join(f"“{text(names.events[i])}”" for i in injects[r])
                extra = f"<br/><b>Inject</b> {cards} if the deck has not drawn it yet (J)."
            row(plan.round_minutes, f"<b>Round {r}</b>: {phases}.{extra}")
    row(plan.debrief, "Debrief (hotwash, below), with the after-action review projected: "
        "<font face='Courier'>coalition report RECORD</font>.")
    cuts = [Paragraph(text(c).replace("`", ""), s["item"], bulletText="–") for c in plan.cuts]
    title = f"{plan.minutes} minutes: {played}{games}, about {plan.turn_seconds} s a turn"
    return [CondPageBreak(60 * mm), Paragraph(f"Lesson plan: {title}", s["h2"]),
            _table(rows, [24 * mm, None], s), Paragraph("What this plan cuts", s["h3"]), *cuts]


def _events(scenario: Scenario, names: Names, s: dict) -> list:
    r = scenario.rules
    if not scenario.events:
        return []
    intro = (f"The deck draws {r.events_per_round} card{'s' if r.events_per_round != 1 else ''} at the start of "
             "each round, by weight, among the cards whose conditions hold. Inject a card (J in the facilitator "
             "panel) to steer the story or to set up a debrief question; an injected card skips its conditions, "
             "so check that it makes sense at your table, and a card that is not repeatable plays only once. "
             "The plans above inject the cards the debrief questions ask about.")
    total = sum(e.weight for e in scenario.events)
    rows = [["Card", "Can come up when", "Weight", "What it does"]]
    for e in scenario.events:
        title = f"<b>{text(e.title)}</b>"
        if e.visibility == "private":
            title += "<br/>private: only " + text(", ".join(names(x) for x in e.recipients)) + " see it"
        if e.repeatable:
            title += "<br/>repeatable"
        effects = "; ".join(describe_effect(x, names) for x in e.effects) or "story only"
        rows.append([title, text(explain_conditions(e.when, names)), f"{e.weight:g} of {total:g}", text(effects)])
    return [CondPageBreak(60 * mm), Paragraph("Event cards: when to inject what", s["h2"]), Paragraph(intro, s["body"]),
            _table(rows, [40 * mm, 44 * mm, 17 * mm, None], s)]


def _debrief(scenario: Scenario, s: dict) -> list:
    story = [CondPageBreak(60 * mm), Paragraph("Debrief questions (hotwash)", s["h2"]),
             Paragraph("Run the stages in order; reveal the confidential briefs only at stage 3. Project the "
                       "after-action review (<font face='Courier'>coalition report RECORD</font>) and show the "
                       "sections named at each stage.", s["body"])]
    for stage, questions, standard in hotwash(list(scenario.meta.debrief_questions)):
        shown = ", ".join(title for _, title in stage.show)
        story.append(Paragraph(text(stage.title), s["h3"]))
        story.append(Paragraph(f"{text(stage.guidance)} <i>Show: {text(shown)}.</i>", s["small"]))
        for q in questions:
            story.append(Paragraph(text(q) + (" <i>(standard prompt)</i>" if standard else ""), s["item"],
                                   bulletText="?"))
    if scenario.meta.learning_objectives:
        story.append(Paragraph("Learning objectives", s["h3"]))
        story += [Paragraph(text(o), s["item"], bulletText="■") for o in scenario.meta.learning_objectives]
    return story
