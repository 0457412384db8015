"""Why a priority is not secured yet, in plain words a teacher can read out.

Each reason mirrors one test of the status rule in `scoring._with_conditional` (progress
against the target, a required lead, the signature count, each required signatory), and
reads the same derived values, so the reasons and the status can never disagree.
"""

from game.engine.scoring import Derived
from game.engine.state import State
from game.engine.words import number, plural


def names_list(names: list[str], joiner: str = "and") -> str:
    """Returns "France", "France and Germany" or "France, Germany and Poland"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def missing(state: State, d: Derived, pid: str) -> tuple[str, ...]:
    """Returns the plain reasons why the priority is not secured (none once it is)."""
    t = state.tables
    pr = t.priorities[pid]
    name = t.display_name
    reasons = []
    if d.progress[pid] < pr.target:
        reasons.append(f"progress {number(round(d.progress[pid], 2))} of {number(pr.target)}")
    if not d.leads_ok[pid]:
        leads = names_list([name(s) for s in pr.required_leads], "or")
        reasons.append(f"needs {leads} to lead")
    if d.signatories[pid] < pr.min_signatories:
        reasons.append(f"needs {plural(pr.min_signatories, 'signature')}, has {number(d.signatories[pid])}")
    unsigned = [name(s) for s in pr.required_signatories if pid not in state.delegates[s].signed]
    if unsigned:
        reasons.append(f"needs {names_list(unsigned)} to sign")
    return tuple(reasons)
