"""Charts for the review and the sweep report, drawn with matplotlib and saved as SVG or PNG.

Every chart function takes plain data and returns a figure; `svg`/`png` render one inside
a fixed style (large type for a projector, the Okabe-Ito colour-blind-safe palette, with
markers and hatches so no series is told apart by colour alone) and close it.
"""

import io
import re
import textwrap
import warnings
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # never open a window: reports are drawn headless, even from the table UI

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
DASHES = ("-", "--", "-.", ":")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
STATUS_COLOURS = {"secured": "#0072B2", "partial": "#E69F00", "failed": "#D55E00"}

STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 14,
    "axes.titlesize": 16,
    "axes.titleweight": "bold",
    "axes.labelsize": 14,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#d0d0d0",
    "grid.linewidth": 0.8,
    "legend.fontsize": 13,
    "legend.frameon": False,
    "xtick.labelsize": 13,
    "ytick.labelsize": 13,
    "lines.linewidth": 2.6,
    "lines.markersize": 8,
    "text.parse_math": False,  # a "$" in a delegation's name is text, not mathtext
    "svg.fonttype": "none",  # keep text as text: smaller files, crisp and selectable
    "figure.dpi": 100,
}


def svg(draw: Callable[[], Figure], key: str, title: str = "") -> str:
    """Returns the figure as an inline <svg> element (no XML prolog, sized by CSS)."""
    with plt.rc_context({**STYLE, "svg.hashsalt": key}):  # ids unique per chart, stable per run
        fig = draw()
        buffer = io.StringIO()
        try:
            # No RDF metadata block (it names remote vocabularies) and no date: the same game gives the same page.
            # A game still in its first round gives charts too small to lay out; matplotlib falls back and
            # warns, which a facilitator's terminal need not show.
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="constrained_layout not applied")
                fig.savefig(buffer, format="svg", bbox_inches="tight",
                            metadata={"Creator": None, "Date": None, "Format": None, "Type": None})
        finally:
            plt.close(fig)
    text = buffer.getvalue()
    text = text[text.index("<svg"):]
    text = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1', text, count=1)
    text = text.replace("<svg", '<svg class="chart" role="img"', 1)
    if title:  # the accessible name of the chart
        end = text.index(">") + 1
        text = f"{text[:end]}\n <title>{_attr(title)}</title>{text[end:]}"
    return text.strip()


def png(draw: Callable[[], Figure], dpi: int = 150) -> bytes:
    """Returns the figure as PNG bytes, for Markdown write-ups and documents."""
    with plt.rc_context(STYLE):
        fig = draw()
        buffer = io.BytesIO()
        try:
            fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
        finally:
            plt.close(fig)
    return buffer.getvalue()


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def wrap(text: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


# -- the review -------------------------------------------------------------------------------

def progress_chart(priorities: list[tuple[str, float, float]], rounds: list[int],
                   series: list[list[float]]) -> Figure:
    """Small multiples: each priority's progress over the rounds, against its target and partial line.

    `priorities` holds (name, target, partial_at); `series[i]` the progress after each round.
    """
    n = len(priorities)
    cols = min(3, n)
    rows = -(-n // cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.6 * cols, 3.6 * rows), squeeze=False, layout="constrained")
    for i, ((name, target, partial), values) in enumerate(zip(priorities, series, strict=True)):
        ax = axes[i // cols][i % cols]
        top = max(target * 1.2, max(values, default=0) * 1.1, 1)
        ax.axhspan(0, partial, color=STATUS_COLOURS["failed"], alpha=0.08, lw=0)
        ax.axhspan(partial, target, color=STATUS_COLOURS["partial"], alpha=0.12, lw=0)
        ax.axhspan(target, top, color=STATUS_COLOURS["secured"], alpha=0.10, lw=0)
        ax.axhline(target, color="#333333", ls="--", lw=1.6)
        ax.axhline(partial, color="#777777", ls=":", lw=1.4)
        ax.plot(rounds, values, color=colour(0), marker="o", clip_on=False, zorder=3)
        ax.annotate(f"{values[-1]:g}", (rounds[-1], values[-1]), xytext=(6, 6), textcoords="offset points",
                    fontsize=13, fontweight="bold")
        ax.annotate(f"target {target:g}", (0.02, target), xycoords=ax.get_yaxis_transform(), xytext=(0, 3),
                    textcoords="offset points", va="bottom", fontsize=11)
        ax.set_title(wrap(name, 34), fontsize=14)
        ax.set_ylim(0, top)
        ax.set_xticks(rounds)
        ax.set_xlabel("round")
    for j in range(n, rows * cols):
        axes[j // cols][j % cols].set_visible(False)
    return fig


def tracks_chart(tracks: list[tuple[str, float, float]], rounds: list[int], series: list[list[float]],
                 event_labels: dict[int, str]) -> Figure:
    """Each track over the rounds; the events drawn are named under their round, staggered to fit."""
    fig, ax = plt.subplots(figsize=(11, 5.0), layout="constrained")
    low = min((t[1] for t in tracks), default=0)
    high = max((t[2] for t in tracks), default=10)
    for i, ((name, _, _), values) in enumerate(zip(tracks, series, strict=True)):
        ax.plot(rounds, values, color=colour(i), marker=MARKERS[i % len(MARKERS)], ls=DASHES[i % len(DASHES)],
                label=name, clip_on=False, zorder=3)
    ax.set_ylim(low, high)
    ax.set_xticks(rounds, ["start" if r == 0 else f"round {r}" for r in rounds])
    ax.set_ylabel("value")
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.02), ncol=min(3, len(tracks)), borderaxespad=0)
    width = 26 if len(rounds) <= 8 else 18
    for n, (round_, label) in enumerate(sorted(event_labels.items())):
        ax.annotate(wrap(label, width), xy=(round_, 0), xycoords=("data", "axes fraction"),
                    xytext=(0, -34 - 40 * (n % 2)), textcoords="offset points", ha="center", va="top",
                    fontsize=11, color="#333333", arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.8})
    return fig


def contributions_chart(delegations: list[str], kinds: list[str], units: list[list[int]]) -> Figure:
    """Horizontal stacked bars: effective units per delegation, split by commitment kind."""
    height = max(3.5, 0.5 * len(delegations) + 1.5)
    fig, ax = plt.subplots(figsize=(11, height), layout="constrained")
    left = [0] * len(delegations)
    positions = list(range(len(delegations)))
    for k, kind in enumerate(kinds):
        values = [units[d][k] for d in range(len(delegations))]
        if not any(values):
            continue
        hatch = HATCHES[(k // len(PALETTE)) % len(HATCHES)]  # past eight kinds, colours repeat hatched
        ax.barh(positions, values, left=left, color=colour(k), hatch=hatch, edgecolor="white", lw=1.2, label=kind)
        left = [a + b for a, b in zip(left, values, strict=True)]
    for y, total in zip(positions, left, strict=True):
        ax.text(total, y, f" {total:g}", va="center", fontsize=12)
    ax.set_xlim(0, max(left, default=1) * 1.08 + 0.5)
    ax.set_yticks(positions, delegations)
    ax.invert_yaxis()
    ax.set_xlabel("units committed and in force at the end")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=3, borderaxespad=0)
    return fig


def trades_chart(names: list[str], matrix: list[list[int]]) -> Figure:
    """A heat map of agreed trades between each pair of delegations, with the counts written in."""
    size = min(9.0, max(4.5, 0.42 * len(names) + 2.2))
    fig, ax = plt.subplots(figsize=(size + 1.2, size), layout="constrained")
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=max(1, max((max(r) for r in matrix), default=1)))
    peak = max((max(r) for r in matrix), default=0)
    for i, row in enumerate(matrix):
        for j, value in enumerate(row):
            if value:
                ax.text(j, i, str(value), ha="center", va="center", fontsize=12, fontweight="bold",
                        color="white" if value > peak / 2 else "#111111")
    ticks = list(range(len(names)))
    ax.set_xticks(ticks, names, rotation=45, ha="right")
    ax.set_yticks(ticks, names)
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.6, label="deals agreed", ticks=MaxNLocator(integer=True))
    return fig


# -- the sweep report -------------------------------------------------------------------------

def rates_chart(names: list[str], rates: list[dict[str, float]], intervals: list[tuple[float, float]]) -> Figure:
    """Stacked bars of secured / partial / failed shares per priority, with the secured rate's 95% interval."""
    fig, ax = plt.subplots(figsize=(11, max(3.0, 0.8 * len(names) + 1.4)), layout="constrained")
    positions = list(range(len(names)))
    left = [0.0] * len(names)
    for status, hatch in (("secured", ""), ("partial", "//"), ("failed", "..")):
        values = [r[status] * 100 for r in rates]
        ax.barh(positions, values, left=left, color=STATUS_COLOURS[status], hatch=hatch, edgecolor="white",
                label=status, alpha=0.9 if status == "secured" else 0.75)
        left = [a + b for a, b in zip(left, values, strict=True)]
    centre = [r["secured"] * 100 for r in rates]
    errors = [[c - lo * 100 for c, (lo, _) in zip(centre, intervals, strict=True)],
              [hi * 100 - c for c, (_, hi) in zip(centre, intervals, strict=True)]]
    ax.errorbar(centre, positions, xerr=errors, fmt="none", ecolor="#111111", elinewidth=2.2, capsize=7,
                label="secured: 95% interval")
    ax.set_yticks(positions, [wrap(n, 30) for n in names])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of games (%)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=4)
    return fig


def event_effect_chart(events: list[str], priorities: list[str], deltas: list[list[float | None]]) -> Figure:
    """A diverging heat map: secured rate with the event minus without it, in percentage points."""
    fig, ax = plt.subplots(figsize=(min(11.0, 1.3 * len(priorities) + 4.5), max(3.0, 0.5 * len(events) + 1.6)),
                           layout="constrained")
    values = [[0.0 if v is None else v * 100 for v in row] for row in deltas]
    peak = max((abs(v) for row in values for v in row), default=1) or 1
    image = ax.imshow(values, cmap="PuOr", vmin=-peak, vmax=peak, aspect="auto")
    for i, row in enumerate(deltas):
        for j, value in enumerate(row):
            points = None if value is None else round(value * 100)
            text = "n/a" if points is None else f"{points:+d}" if points else "0"
            strong = value is not None and abs(value * 100) > peak * 0.6
            ax.text(j, i, text, ha="center", va="center", fontsize=12, color="white" if strong else "#111111")
    ax.set_xticks(range(len(priorities)), [wrap(p, 14) for p in priorities])
    ax.set_yticks(range(len(events)), [wrap(e, 34) for e in events])
    ax.xaxis.tick_top()
    ax.grid(False)
    fig.colorbar(image, ax=ax, shrink=0.8, label="secured with − without (points)")
    return fig
