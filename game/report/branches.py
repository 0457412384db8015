"""Two branches of one game side by side: the debrief's "what if", answered on one page.

`coalition report A --compare B` builds this from two records of the same scenario (usually
a game and a fork of it, `coalition fork`): where they parted, each priority's outcome and
what it still missed in each branch, and each delegation's score. It is a `Document`, so it
renders with the review's own HTML and Markdown renderers.
"""

from pathlib import Path

from game.engine import Game
from game.errors import ContentError
from game.report.document import Badge, Document, Meter, Para, Section, Strong, Table, run
from game.report.review_html import render_html
from game.report.review_markdown import render_markdown


def parted_at(a: Game, b: Game) -> int:
    """Returns how many actions the two games share from their start."""
    shared = 0
    for left, right in zip(a.actions, b.actions, strict=False):
        if left != right:
            break
        shared += 1
    return shared


def compare_document(a: Game, b: Game, names: tuple[str, str]) -> Document:
    """Returns the comparison of branch A (`names[0]`) with branch B (`names[1]`)."""
    if a.content_hash != b.content_hash:
        raise ContentError(f"{names[0]} and {names[1]} are games of different scenarios "
                           f"({a.scenario.meta.id} and {b.scenario.meta.id}): nothing to compare")
    ra, rb = a.result(), b.result()
    meta = a.scenario.meta
    return Document(
        title=f"Two branches: {meta.title}",
        subtitle=f"{names[0]} (A) and {names[1]} (B), side by side.",
        facts=(("A", f"{names[0]} · seed {a.seed} · {ra['decisions']} decisions · {ra['outcome']}"),
               ("B", f"{names[1]} · seed {b.seed} · {rb['decisions']} decisions · {rb['outcome']}")),
        sections=(_parting(a, b, names), _outcomes(a, b), _delegations(a, b, ra, rb)),
        banner=run("A: ", Badge(ra["outcome"]), "  B: ", Badge(rb["outcome"])),
        footer=f"Coalition Table branch comparison of scenario {meta.id} (content {a.content_hash[:12]}).",
    )


def _origin(game: Game) -> str:
    parent = game.parent
    if parent is None:
        return "a game of its own (no parent)"
    luck = ("new luck (seed " + ", ".join(f"{seed} after step {step}" for step, seed in parent.reseeds) + ")"
            if parent.reseeds else "the same luck")
    return f"a fork of {parent.record or 'an unsaved game'} at step {parent.step}, with {luck}"


def _parting(a: Game, b: Game, names: tuple[str, str]) -> Section:
    shared = parted_at(a, b)
    rounds = [walking.round for _, walking in a.replay()]
    where = (f"round {rounds[shared - 1]}" if 0 < shared <= len(rounds) else "the start")
    lead = Para(run("The branches share their first ", Strong(str(shared)), f" actions, then part in {where}: "
                    f"A takes {len(a.actions) - shared} more, B {len(b.actions) - shared} more."), "lead")
    lines = Table(("Branch", "Where it comes from"),
                  ((run(Strong("A")), run(f"{names[0]}: {_origin(a)}")),
                   (run(Strong("B")), run(f"{names[1]}: {_origin(b)}"))))
    return Section("parting", "Where the branches part", (lead, lines))


def _outcomes(a: Game, b: Game) -> Section:
    va, vb = a.view("public").priorities, b.view("public").priorities
    rows = []
    for pid, pa in va.items():
        pb = vb[pid]
        rows.append((run(Strong(pa.name)),
                     run(Badge(pa.status), " ", Meter(pa.progress, pa.target, pa.partial_at)),
                     run(Badge(pb.status), " ", Meter(pb.progress, pb.target, pb.partial_at)),
                     run("; ".join(pa.missing) or "nothing"), run("; ".join(pb.missing) or "nothing")))
    table = Table(("Priority", "A", "B", "A still missed", "B still missed"), tuple(rows))
    return Section("outcome", "Each priority in each branch", (table,),
                   intro="Status and progress against the target, and what kept a priority from being secured.")


def _delegations(a: Game, b: Game, ra: dict, rb: dict) -> Section:
    rows = []
    for seat in a.seats:
        sa, sb = ra["delegates"][seat]["score"], rb["delegates"][seat]["score"]
        rows.append((run(Strong(a.display_name(seat))), run(f"{sa:+d}"), run(f"{sb:+d}"), run(f"{sb - sa:+d}")))
    table = Table(("Delegation", "A points", "B points", "B − A"), tuple(rows), numeric=frozenset({1, 2, 3}))
    return Section("delegations", "Each delegation's private objectives", (table,),
                   intro="Points from the private objectives met by the end of each branch.")


def write_comparison(a: Game, b: Game, names: tuple[str, str], path: str | Path, markdown: bool = False) -> Path:
    """Writes the comparison as HTML (or Markdown) to `path` and returns the path."""
    document = compare_document(a, b, names)
    text = render_markdown(document, None) if markdown else render_html(document)
    path = Path(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as err:
        raise ContentError(f"{path}: cannot write the comparison: {err.strerror}") from None
    return path
