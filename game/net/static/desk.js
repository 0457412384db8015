// A delegation's own desk (what only it and the facilitator see) and its inbox of offers.

import { badge, esc, num, pct, termWords } from "./show.js";

// The private desk of `seat`: briefs, objectives with live ticks, red lines, odds, capacities.
export function drawDesk(table, view, seat, ids, names) {
  const mine = view.private[seat];
  const pub = view.public.delegates[seat];
  const terms = table.delegates[seat] || {};
  if (!mine || !pub) return "";
  const objectives = mine.objectives.map((o) =>
    `<li class="${o.met ? "met" : "unmet"}"><span class="tick" aria-hidden="true">${o.met ? "✔" : "○"}</span>
      ${esc(o.description)} <span class="points">${o.points > 0 ? "+" : ""}${o.points} pts</span>
      <span class="sr">${o.met ? "met if the game ended now" : "not met yet"}</span></li>`).join("");
  const red = mine.red_lines;
  const redLines = [
    ...red.kinds.map((k) => `never gives ${esc(table.kinds[k]?.name || k)}`),
    ...red.priorities.map((p) => `never pledges to or signs ${esc(table.priorities[p]?.name || p)}`),
  ];
  if (red.note) redLines.push(esc(red.note));
  const kinds = Object.keys({ ...pub.free, ...pub.committed });
  const capacities = kinds.map((k) => {
    const free = pub.free[k] ?? 0;
    const total = free + (pub.committed[k] ?? 0);
    const blocked = pub.blocked[k] ? ` <span class="tag bad">blocked: ${esc(pub.blocked[k])}</span>` : "";
    const mandate = pub.mandates.includes(k) ? ' <span class="tag good">✔ mandate</span>' : "";
    return `<tr data-kind="${esc(k)}"><th scope="row">${esc(table.kinds[k]?.name || k)}</th><td class="free">${num(free)}</td><td>${num(total)}</td>
      <td>${esc(table.kinds[k]?.unit || "")}${blocked}${mandate}</td></tr>`;
  }).join("");
  const odds = Object.entries(mine.approval_odds).map(([k, p]) =>
    `<li>${esc(table.kinds[k]?.name || k)}: <b>${pct(p)}</b> chance of approval${mine.votes_scheduled.includes(k) ? " · vote scheduled this round" : ""}</li>`).join("");
  return `<h2>${badge(ids, seat, pub.name)} <small>your desk</small></h2>
    <p class="line">${esc(pub.representative)}, ${esc(pub.title)}${pub.binding_authority ? "" : " — cannot give binding commitments now"} · political capital <b>${pub.capital}</b> · score now <b id="score">${mine.score}</b></p>
    <details open><summary>Public brief</summary><p>${esc(terms.public_brief)}</p></details>
    <details open class="secret"><summary>Confidential brief <span class="tag">only you</span></summary><p>${esc(mine.confidential_brief)}</p></details>
    <h3>Your objectives <small>(✔ = met if the game ended now)</small></h3><ul class="objectives">${objectives || "<li>None.</li>"}</ul>
    <h3>Red lines</h3><ul>${redLines.map((r) => `<li>⊘ ${r}</li>`).join("") || "<li>None.</li>"}</ul>
    ${odds ? `<h3>Approval odds</h3><ul>${odds}</ul>` : ""}
    <h3>Capacities</h3><table class="capacities"><thead><tr><th>kind</th><th>free</th><th>total</th><th>unit</th></tr></thead><tbody>${capacities}</tbody></table>
    ${drawCommitments(table, view)}`;
}

// The seat's own commitments, with when each one that has a term lapses unless renewed.
function drawCommitments(table, view) {
  if (!view.mine.length) return "";
  const rows = view.mine.map((c) => {
    const when = termWords(c.term_ends, view.round, view.public.rounds);
    const soon = c.term_ends === view.round && c.term_ends < view.public.rounds;
    return `<li data-commitment="${c.id}">#${c.id}: ${num(c.amount)} ${esc(table.kinds[c.kind]?.unit || "")} of ${esc(table.kinds[c.kind]?.name || c.kind)}
      → ${esc(table.priorities[c.priority]?.short || c.priority)} <span class="tag">${esc(c.status)}</span>${when
      ? ` <span class="term${soon ? " soon" : ""}">${soon ? "⚠ " : ""}${esc(when)}</span>` : ""}</li>`;
  }).join("");
  return `<h3>Your commitments</h3><ul class="commitments">${rows}</ul>`;
}

function offerLine(offer, words, ids, names) {
  const items = (words.offers[String(offer.id)] || []).map((t) => `<li>${esc(t)}</li>`).join("");
  const parties = offer.parties.map((s) => badge(ids, s, names(s)) + (offer.accepted_by.includes(s) ? " ✔" : "")).join(", ");
  return `<p class="line">Offer #${offer.id} from ${esc(names(offer.proposer))} · round ${offer.round} · parties: ${parties}</p>
    <ul>${items}</ul>${offer.note ? `<p class="note">“${esc(offer.note)}”</p>` : ""}`;
}

// The inbox: offers to answer (with buttons the legal actions allow), own open offers, deals made.
export function drawInbox(view, seat, legal, words, ids, names) {
  const can = (kind, id) => legal.some((a) => a.kind === kind && a.offer === id);
  const open = view.offers.filter((o) => o.status === "open");
  const toAnswer = open.filter((o) => o.proposer !== seat && !o.accepted_by.includes(seat));
  const waiting = open.filter((o) => o.proposer === seat || o.accepted_by.includes(seat));
  const done = view.offers.filter((o) => o.status !== "open").reverse();
  const answer = toAnswer.map((o) => `<li class="offer" data-offer="${o.id}">${offerLine(o, words, ids, names)}
      <div class="buttons">
        <button data-act="accept" data-offer="${o.id}" ${can("accept", o.id) ? "" : "disabled"}>✔ Accept</button>
        <button data-act="reject" data-offer="${o.id}" ${can("reject", o.id) ? "" : "disabled"}>✘ Reject</button>
        <button data-act="counter" data-offer="${o.id}" ${legal.length ? "" : "disabled"}>↺ Counter…</button>
      </div><p class="refusal" role="alert" data-refusal="offer-${o.id}"></p></li>`).join("");
  if (!view.offers.length) return '<h2>Inbox</h2><p class="line">No offers yet. Offers made to you appear here, with buttons to accept, reject or counter.</p>';
  const statusWord = { accepted: "✔ deal made", rejected: "✘ rejected", failed: "✘ fell through", expired: "expired", countered: "↺ countered", cancelled: "cancelled" };
  return `<h2>Inbox</h2>
    <h3>Offers to answer</h3><ul class="offers">${answer || "<li>None now.</li>"}</ul>
    <h3>Your open offers</h3><ul class="offers">${waiting.map((o) => `<li class="offer mine">${offerLine(o, words, ids, names)}</li>`).join("") || "<li>None.</li>"}</ul>
    <h3>Deals and closed offers</h3><ul class="offers">${done.map((o) => `<li class="offer closed"><span class="tag">${esc(statusWord[o.status] || o.status)}</span> ${offerLine(o, words, ids, names)}</li>`).join("") || "<li>None yet.</li>"}</ul>`;
}
