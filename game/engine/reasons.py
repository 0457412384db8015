"""Why a priority is not secured yet, in plain words a teacher can read out.

Each reason mirrors one test of the status rule in `scoring._status` (progress against the
target, a required lead, the signature count, each required signatory), and reads the same
values, so the reasons and the status can never disagree.
"""

from collections.abc import Callable

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
    pr = state.tables.priorities[pid]
    return reasons(d.progress[pid], pr.target, d.leads_ok[pid], pr.required_leads, state.signatories.get(pid, ()),
                   pr.min_signatories, pr.required_signatories, state.tables.display_name)


def reasons(progress: float, target: float, leads_ok: bool, required_leads, signatories: tuple[str, ...],
            min_signatories: int, required_signatories, name: Callable[[str], str]) -> tuple[str, ...]:
    """Returns the reasons from what a priority's view shows: its progress, whether a required
    lead contributes, who signed (every signature, with reservations or not), and its rules."""
    found = []
    if progress < target:
        found.append(f"progress {number(round(progress, 2))} of {number(target)}")
    if not leads_ok:
        leads = names_list([name(s) for s in required_leads], "or")
        found.append(f"needs {leads} to lead")
    if len(signatories) < min_signatories:
        found.append(f"needs {plural(min_signatories, 'signature')}, has {number(len(signatories))}")
    unsigned = [name(s) for s in required_signatories if s not in signatories]
    if unsigned:
        found.append(f"needs {names_list(unsigned)} to sign")
    return tuple(found)
