// Drawing the public table from the host's view: priorities, tracks, delegations, event cards
// and the log. Each seat has a colour AND a shape AND letters, as on the pygame table.

const NARROW = new Set(["triangle", "star"]);
const STATUS = { secured: ["✔", "Secured"], partial: ["◐", "Partial"], failed: ["✘", "Short"] };
export const PHASES = { events: "event card", negotiation: "negotiation", approvals: "votes", scoring: "scoring" };

export function esc(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export function num(value) {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

export function pct(p) {
  return `${Math.round(p * 100)}%`;
}

// The same rule as game/ui/palette.py identities(): colour and shape by seat order.
export function identities(table) {
  const { seat_colours: colours, seat_shapes: shapes } = table.palette;
  const found = {};
  const used = new Set();
  table.seats.forEach((seat, index) => {
    const colour = colours[index % colours.length];
    const letters = table.delegates[seat]?.badge ?? (seat.length <= 4 ? seat.toUpperCase().slice(0, 4) : seat.slice(0, 3).toUpperCase());
    let shape = shapes[index % shapes.length];
    if (letters.length > 2 && NARROW.has(shape)) {
      for (let k = 1; k < shapes.length; k++) {
        const other = shapes[(index + k) % shapes.length];
        if (!NARROW.has(other) && !used.has(`${colour}${other}`)) { shape = other; break; }
      }
    }
    used.add(`${colour}${shape}`);
    found[seat] = { colour, shape, letters, ink: ink(colour) };
  });
  return found;
}

function ink(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 140 ? "#0f0f0f" : "#fafafa";
}

function polygon(sides, radius, turn = -Math.PI / 2, inner = 0) {
  const points = [];
  const steps = inner ? sides * 2 : sides;
  for (let i = 0; i < steps; i++) {
    const r = inner && i % 2 ? inner : radius;
    const a = turn + (i * 2 * Math.PI) / steps;
    points.push(`${(20 + r * Math.cos(a)).toFixed(1)},${(20 + r * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(" ")}"/>`;
}

const SHAPES = {
  circle: () => '<circle cx="20" cy="20" r="18"/>',
  square: () => '<rect x="3" y="3" width="34" height="34" rx="3"/>',
  triangle: () => polygon(3, 20, -Math.PI / 2),
  diamond: () => polygon(4, 19),
  pentagon: () => polygon(5, 19),
  hexagon: () => polygon(6, 19, 0),
  star: () => polygon(5, 20, -Math.PI / 2, 10),
};

// A seat's badge: its shape in its colour, with its letters; the name beside it when asked.
export function badge(ids, seat, name = "") {
  const id = ids[seat];
  if (!id) return esc(name || seat);
  const size = id.letters.length > 3 ? 9 : 11;
  const svg = `<svg class="badge" viewBox="0 0 40 40" aria-hidden="true"><g fill="${id.colour}" stroke="#10141b" stroke-width="1.5">${SHAPES[id.shape]()}</g>` +
    `<text x="20" y="${id.shape === "triangle" ? 27 : 24}" text-anchor="middle" font-size="${size}" font-weight="700" fill="${id.ink}">${esc(id.letters)}</text></svg>`;
  return `<span class="who">${svg}${name ? `<span>${esc(name)}</span>` : ""}</span>`;
}

// When a commitment with a term stops counting: the words of term_words in game/engine/words.py
// (tests/net/test_browser_renew.py holds the two to the same sentence).
export function termWords(termEnds, now, rounds) {
  if (termEnds === null || termEnds === undefined) return "";
  if (termEnds >= rounds) return "counts to the end of the game";
  return `lapses at the end of round ${termEnds}${termEnds === now ? " (this round)" : ""} unless renewed`;
}

export function statusTag(status, over) {
  const [mark, word] = STATUS[status] || ["•", status];
  const label = over && status === "failed" ? "Failed" : word;
  return `<span class="tag status-${esc(status)}"><span aria-hidden="true">${mark}</span> ${label}</span>`;
}

export function drawPriorities(table, view, ids, names) {
  return Object.values(view.public.priorities).map((p) => {
    const top = Math.max(p.target * 1.12, p.progress) || 1;
    const fill = Math.min(100, (100 * p.progress) / top);
    const lacking = p.missing || [];  // the engine's own reasons (game/engine/reasons.py)
    const reserved = p.signatories.filter((s) => view.public.delegates[s]?.signed[p.id]).length;
    return `<article class="priority status-${esc(p.status)}" data-priority="${esc(p.id)}">
      <h3>${esc(p.name)} ${statusTag(p.status, view.over)}</h3>
      <div class="bar" role="img" aria-label="${esc(`${num(p.progress)} of ${num(p.target)}, partial at ${num(p.partial_at)}`)}">
        <span class="fill" style="width:${fill.toFixed(1)}%"></span>
        <span class="mark partial" style="left:${((100 * p.partial_at) / top).toFixed(1)}%" title="partial"></span>
        <span class="mark target" style="left:${((100 * p.target) / top).toFixed(1)}%" title="target"></span>
      </div>
      <p class="line"><b class="progress">${num(p.progress)}</b> of ${num(p.target)} (partial at ${num(p.partial_at)})
        · signed by ${p.signatories.length}${reserved ? ` (${reserved} with reservations)` : ""}
        ${p.signatories.map((s) => badge(ids, s)).join("")}</p>
      <p class="line missing">${lacking.length ? `Missing: ${esc(lacking.join(" · "))}` : "Nothing missing."}</p>
    </article>`;
  }).join("");
}

export function drawTracks(table, view) {
  return Object.entries(view.public.tracks).map(([tid, value]) => {
    const t = table.tracks[tid] || { name: tid, min: 0, max: 10 };
    const share = (100 * (value - t.min)) / ((t.max - t.min) || 1);
    return `<div class="track" title="${esc(t.description)}"><span>${esc(t.name)}</span>
      <meter min="${t.min}" max="${t.max}" value="${value}"></meter><b>${num(value)}</b><small>of ${num(t.max)}</small>
      <span class="sr">${Math.round(share)}%</span></div>`;
  }).join("") + Object.entries(view.public.flags).filter(([, on]) => on).map(([fid]) =>
    `<div class="flag">⚑ ${esc(table.flags[fid]?.name || fid)}</div>`).join("");
}

export function drawDelegations(table, view, ids, skip) {
  return Object.values(view.public.delegates).filter((d) => d.id !== skip).map((d) => {
    const terms = table.delegates[d.id] || {};
    const given = Object.entries(d.committed).filter(([, n]) => n > 0)
      .map(([k, n]) => `${num(n)} ${esc(table.kinds[k]?.name || k)}`).join(", ");
    const turn = view.turn_seat === d.id ? '<span class="tag turn">▶ acting now</span>' : "";
    return `<article class="delegation" data-seat="${esc(d.id)}">
      <h3>${badge(ids, d.id, d.name)} ${turn}</h3>
      <p class="line">${esc(d.representative)}, ${esc(d.title)}${d.binding_authority ? "" : " (no binding authority)"}
        · capital ${d.capital}${d.controller !== "human" ? ` · <span class="tag bot">bot: ${esc(d.controller)}</span>` : ""}</p>
      <p class="line">Committed: ${given || "nothing yet"}</p>
      <details><summary>Public brief</summary><p>${esc(terms.public_brief)}</p></details>
    </article>`;
  }).join("");
}

export function drawCard(card) {
  return `<article class="card${card.private ? " private" : ""}" data-seq="${card.seq}">
    <h3><span aria-hidden="true">✦</span> ${card.injected ? "Event injected" : "Event card"}${card.private ? " (only you see this)" : ""}: ${esc(card.title)}</h3>
    <p>${esc(card.text)}</p>
    ${card.effects.length ? `<ul>${card.effects.map((e) => `<li>${esc(e)}</li>`).join("")}</ul>` : ""}
    <p class="line">Round ${card.round}</p></article>`;
}

export function drawLog(table, log, limit = 60) {
  return log.slice(-limit).reverse().map((e) => {
    const kind = table.entry_kinds[e.kind] || { tone: "quiet", label: e.kind };
    return `<li class="tone-${esc(kind.tone)}"><span class="when">R${e.round}</span> <b>${esc(kind.label)}</b> ${esc(e.text)}${e.visible_to ? ' <span class="tag">private</span>' : ""}</li>`;
  }).join("");
}
