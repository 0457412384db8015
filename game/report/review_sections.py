"""The review's sections about the result and the secrets: outcome, private objectives,
confidential briefs, the comparison with reality, and the debrief questions.

Each takes the finished game and returns a `Section`; nothing here renders HTML or Markdown.
"""

from collections import Counter

from game.engine import Game, controller_label, plural, quantity, spokesperson
from game.report.document import Badge, Bullets, Link, Meter, Para, Section, Strong, Sub, Table, run
from game.report.hotwash import hotwash, questions_for

_RANK = {"failed": 0, "partial": 1, "secured": 2}


def _name(game: Game, seat: str) -> str:
    return game.display_name(seat)


def _short(game: Game, pid: str) -> str:
    return game.names.short.get(pid, pid)


def outcome_section(game: Game) -> Section:
    """Returns each priority's progress, target and status, and the result (in the scenario's word)."""
    view = game.view("facilitator")
    result = game.result()
    lead = Para(run(f"{game.names.vocabulary.result}: ", Badge(result["outcome"]),
                    f" The game ended after round {result['rounds_played']}: {result['end_reason'] or 'not over yet'}."),
                "lead")
    rows = []
    for pid, p in game.catalog.priorities.items():
        pv = view.priorities[pid]
        rows.append((run(Strong(p.name)), run(Meter(pv.progress, p.target, pv.partial_at)),
                     run(Badge(pv.status)), run(_requirements(game, p, pv)),
                     run("; ".join(pv.missing) or "nothing")))
    table = Table(("Priority", "Progress / target", "Status", "Signatures and leads", "Still missing"), tuple(rows))
    return Section("outcome", "Outcome", (lead, table),
                   intro="Where each priority ended. On each bar the black mark is the target, the grey mark the "
                         "partial line; a priority also needs its signatures and leads.")


def _requirements(game: Game, p, pv) -> str:
    """Returns what the priority needed besides progress, and what was missing."""
    signed = len(pv.signatories)
    parts = [f"{signed} signed"]
    if p.min_signatories:
        short = p.min_signatories - signed
        parts[0] += f" (needs {p.min_signatories}" + (f": {short} short)" if short > 0 else ")")
    if p.required_leads:
        parts.append(f"leads {', '.join(_name(game, s) for s in p.required_leads)}: "
                     + ("present" if pv.leads_ok else "missing"))
    if p.required_signatories:
        missing = [_name(game, s) for s in p.required_signatories if s not in pv.signatories]
        parts.append("must sign: " + (", ".join(missing) + " did not" if missing else "all did"))
    return "; ".join(parts)


def objectives_section(game: Game) -> Section:
    """Returns each delegation's private objectives, revealed, with whether they were met."""
    view = game.view("facilitator")
    cards = []
    for seat, d in game.catalog.delegates.items():
        private = view.private[seat]
        best = sum(o.points for o in private.objectives if o.points > 0)
        signed = view.delegates[seat].signed
        signed_text = ", ".join(_short(game, p) + (" (reservations)" if r else "") for p, r in signed.items())
        head = Para(run(Strong(f"Score {private.score} of {best}"), f" · played by {_controller(game, seat)}"
                        f" · signed: {signed_text or 'nothing'}"))
        items = tuple(run(Badge("met" if o.met else "unmet"), f" {o.description} ", Strong(f"{o.points:+d}"))
                      for o in private.objectives)
        blocks = (head, Bullets(items)) if items else (head, Para(run("No private objectives."), "note"))
        cards.append(Sub(f"{d.name}: {', '.join(spokesperson(d))}", blocks, card=True))
    return Section("delegations", "Private objectives, revealed", tuple(cards),
                   intro="Each delegation's hidden scoring, now public: what it wanted, and whether it got it.")


def _controller(game: Game, seat: str) -> str:
    return controller_label(game.controller(seat))


def briefs_section(game: Game) -> Section:
    """Returns every delegation's public and confidential brief and red lines."""
    cards = []
    for d in game.catalog.delegates.values():
        blocks = [Para(run(Strong("Public brief. "), d.public_brief.strip())),
                  Para(run(Strong("Confidential brief. "), d.confidential_brief.strip()), "quote")]
        red = _red_lines(game, d)
        if red:
            blocks.append(Para(run(Strong("Red lines. "), red)))
        cards.append(Sub(d.name, tuple(blocks), card=True))
    return Section("briefs", "Confidential briefs, revealed", tuple(cards),
                   intro="What each delegation was told in private. Read them aloud during “why”.")


def _red_lines(game: Game, d) -> str:
    parts = []
    if d.red_lines.kinds:
        parts.append("never commits " + ", ".join(game.catalog.kinds[k].name.lower() for k in d.red_lines.kinds))
    if d.red_lines.priorities:
        parts.append("never pledges to or signs " + ", ".join(_short(game, p) for p in d.red_lines.priorities))
    text = "; ".join(parts)
    note = d.red_lines.note.strip()
    joined = f"{text}. {note}".strip(" .")
    return joined[:1].upper() + joined[1:] + "." if joined else ""


def reality_section(game: Game) -> Section:
    """Returns the scenario's reference outcome beside the game's, per priority and per delegation."""
    reference = game.scenario.reference_outcome
    if reference is None:
        return Section("reality", "Compared with reality",
                       (Para(run("This scenario has no reference outcome to compare with."), "note"),))
    view = game.view("facilitator")
    rows = []
    for pid, p in game.catalog.priorities.items():
        pv = view.priorities[pid]
        ref = reference.priorities.get(pid)
        if ref is None:
            rows.append((run(Strong(p.name)), run(Badge(pv.status)), run(Badge("unknown", "not recorded")),
                         run("—"), run("")))
            continue
        diff = _RANK[pv.status] - _RANK[ref.status]
        verdict = Badge("same", "as in reality") if diff == 0 else (
            Badge("better", "better than reality") if diff > 0 else Badge("worse", "worse than reality"))
        rows.append((run(Strong(p.name)), run(Badge(pv.status), f" {pv.progress:g}/{p.target:g}"),
                     run(Badge(ref.status)), run(verdict), run(ref.note)))
    priorities = Table(("Priority", "At this table", "In reality", "Compared", "Reality note"), tuple(rows))
    blocks = [Para(run(Strong("What really happened. "), reference.summary.strip()), "quote")]
    divergences = _divergences(game, reference)
    if divergences:
        blocks.append(Sub("Big divergences", (Bullets(tuple(run(Badge("worse", "setback") if bad else Badge("diverged", "differs"), " ",
                                                                text) for text, bad in divergences)),)))
    blocks += [Sub("Per priority", (priorities,)), Sub("Per delegation", (_delegation_table(game, reference),)),
               _contributions_compared(game, reference), _votes_compared(game, reference)]
    if reference.open_questions:
        blocks.append(Sub("Left open in reality", (Bullets(tuple(run(q) for q in reference.open_questions)),)))
    return Section("reality", "Compared with reality", tuple(blocks),
                   intro="The real outcome beside this table's: where did you diverge, and why?")


def _divergences(game: Game, reference) -> list[tuple[str, bool]]:
    """Returns (sentence, whether it is a setback) for each big departure from reality: a game
    that ended early, a priority two steps away, a delegation signing what it really refused
    or signing at all where in reality it signed nothing (the US, in Paris)."""
    found = []
    result = game.result()
    if result["outcome"] == "failure" and result["end_reason"] and not result["end_reason"].startswith("all "):
        found.append((f"The game ended early: {result['end_reason']}. In reality the texts were signed.", True))
    view = game.view("facilitator")
    for pid, p in game.catalog.priorities.items():
        ref = reference.priorities.get(pid)
        if ref is not None and abs(_RANK[view.priorities[pid].status] - _RANK[ref.status]) == 2:
            here = view.priorities[pid].status
            found.append((f"{p.name} ended {here} here; in reality it was {ref.status}.", here == "failed"))
    for seat, ref in reference.delegates.items():
        if seat not in view.delegates or "signed" not in ref.model_fields_set:
            continue
        here = set(view.delegates[seat].signed)
        name = _name(game, seat)
        if not ref.signed and here:
            found.append((f"{name} signed {_list(game, here)} at this table; in reality it signed nothing.", False))
        refused = here & set(ref.refused)
        if refused:
            found.append((f"{name} signed {_list(game, refused)}, which it refused in reality.", False))
    return found


def _list(game: Game, priorities: set[str]) -> str:
    return ", ".join(_short(game, p) for p in game.catalog.priority_order if p in priorities)


def _contributions_compared(game: Game, reference) -> Sub:
    """Returns what each delegation committed at this table beside what it really offered."""
    view = game.view("facilitator")
    kinds = game.catalog.kinds
    rows = []
    for seat, d in game.catalog.delegates.items():
        ref = reference.delegates.get(seat)
        offered = ref.offered if ref else ""
        totals: Counter = Counter()
        for c in view.commitments:
            if c.delegate == seat and c.effective:
                totals[c.kind] += c.amount
        if not offered and not totals:
            continue
        here = ", ".join(quantity(n, kinds[k].unit) + f" ({game.names.kind(k)})" for k, n in totals.items())
        rows.append((run(Strong(d.name)), run(here or "nothing in force"), run(offered or "not recorded")))
    table = Table(("Delegation", "Committed at this table (in force at the end)", "Offered in reality"), tuple(rows))
    return Sub("Contributions", (table,))


def _votes_compared(game: Game, reference) -> Sub:
    """Returns the domestic votes held at this table, each repeated outcome once with its count,
    beside where the real votes stood."""
    held: Counter = Counter()
    for entry in game.view("facilitator").log:
        if entry.kind in ("ApprovalWon", "ApprovalLost"):
            seat, kind = entry.data["delegate"], entry.data["kind_id"]
            held[(seat, kind, entry.kind == "ApprovalWon")] += 1
    seats = game.catalog.seats
    lines = []
    for seat, kind in sorted({(s, k) for s, k, _ in held}, key=lambda sk: (seats.index(sk[0]), sk[1])):
        won_here, lost_here = held[(seat, kind, True)], held[(seat, kind, False)]
        tally = " and ".join(part for part in (f"won {won_here}" if won_here else "",
                                               f"lost {lost_here}" if lost_here else "") if part)
        lines.append(run(Badge("better" if won_here else "worse", "won" if won_here else "lost"),
                         f" {_name(game, seat)}, {game.names.kind(kind)}: {plural(won_here + lost_here, 'vote')}, "
                         f"{tally}"))
    won = sum(n for (_, _, w), n in held.items() if w)
    lost = sum(held.values()) - won
    summary = (f"At this table: {plural(won + lost, 'vote')} held, {won} won and {lost} lost."
               if held else "At this table no domestic vote was held.")
    blocks = [Para(run(Strong(summary)))]
    if lines:
        blocks.append(Bullets(tuple(lines)))
    if reference.votes:
        blocks.append(Para(run(Strong("In reality. "), reference.votes.strip()), "quote"))
    return Sub("Votes at home", tuple(blocks))


def _delegation_table(game: Game, reference) -> Table:
    view = game.view("facilitator")
    rows = []
    for seat, d in game.catalog.delegates.items():
        signed = view.delegates[seat].signed
        game_text = ", ".join(_short(game, p) + (" (res.)" if r else "") for p, r in signed.items()) or "nothing"
        ref = reference.delegates.get(seat)
        if ref is None or not (ref.signed or ref.refused):
            real, difference = "not recorded", run("—")
        else:
            real = "signed " + (", ".join(_short(game, p) for p in ref.signed) or "nothing")
            if ref.refused:
                real += "; refused " + ", ".join(_short(game, p) for p in ref.refused)
            difference = _difference(game, set(signed), set(ref.signed))
        rows.append((run(Strong(d.name)), run(game_text), run(real), difference, run(ref.note if ref else "")))
    return Table(("Delegation", "Signed at this table", "In reality", "Difference", "Reality note"), tuple(rows))


def _difference(game: Game, here: set[str], real: set[str]):
    if here == real:
        return run(Badge("same", "as in reality"))
    order = list(game.catalog.priority_order)
    parts = []
    if real - here:
        parts.append("not signed here: " + ", ".join(_short(game, p) for p in order if p in real - here))
    if here - real:
        parts.append("signed only here: " + ", ".join(_short(game, p) for p in order if p in here - real))
    return run("; ".join(parts))


def debrief_section(game: Game) -> Section:
    """Returns the scenario's debrief questions as a hotwash, with what to show at each stage."""
    meta = game.scenario.meta
    result = game.result()
    asked = questions_for(game.scenario, set(result["events_fired"]), game.view("facilitator").flags,
                          result["end_reason"])
    groups = []
    for stage, questions, standard in hotwash(asked):
        show = [part for sid, title in stage.show for part in (Link(title, f"#{sid}"), ", ")][:-1]
        blocks = [Para(run(stage.guidance, " Show: ", *show, "."), "note"),
                  Bullets(tuple(run(q) for q in questions), ordered=True)]
        if standard:
            blocks.append(Para(run("(A standard prompt: the scenario has no question for this stage.)"), "note"))
        groups.append(Sub(stage.title, tuple(blocks)))
    if meta.learning_objectives:
        groups.append(Sub("Learning objectives to check",
                          (Bullets(tuple(run(o) for o in meta.learning_objectives)),)))
    return Section("debrief", "Debrief questions", tuple(groups),
                   intro="Run them in this order: reactions → what happened → why → lessons.")
