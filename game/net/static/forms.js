// The seat's action forms, built from the legal actions the host sends, so the page never
// offers a move that can only be refused. Trade offers are open-ended: the host's `check`
// answers as the student builds one. Typed input lives in `drafts`, which survives re-renders,
// reconnections and reloads (sessionStorage).

import { esc, num, termWords } from "./show.js";

export class Drafts {
  constructor(key) {
    this.key = `coalition-drafts-${key}`;
    try { this.values = JSON.parse(sessionStorage.getItem(this.key) || "{}"); } catch { this.values = {}; }
  }
  save() {
    try { sessionStorage.setItem(this.key, JSON.stringify(this.values)); } catch { /* private mode */ }
  }
  restore(root) {
    for (const input of root.querySelectorAll("input[id], select[id], textarea[id]")) {
      if (!(input.id in this.values)) continue;
      const value = this.values[input.id];
      if (input.type === "checkbox") input.checked = Boolean(value);
      else if (input.tagName !== "SELECT" || [...input.options].some((o) => o.value === value)) input.value = value;
    }
    for (const details of root.querySelectorAll("details.condition")) {
      if (root.querySelector(`#${details.dataset.condition}-if`)?.value) details.open = true;
    }
  }
  forget(prefix) {
    for (const id of Object.keys(this.values)) if (id.startsWith(prefix)) delete this.values[id];
    this.save();
  }
}

const options = (pairs, chosen) => pairs.map(([value, label]) =>
  `<option value="${esc(value)}"${value === chosen ? " selected" : ""}>${esc(label)}</option>`).join("");

function conditionFields(prefix, table, seats, names) {
  const who = options(seats.map((s) => [s, names(s)]));
  const where = options(Object.keys(table.priorities).map((p) => [p, table.priorities[p].short]));
  return `<details class="condition" data-condition="${prefix}"><summary>Only if… (optional condition)</summary><div>
    <label for="${prefix}-if">condition</label><select id="${prefix}-if">${options([["", "no condition"],
      ["contributed", "this delegation contributes to"], ["signed", "this delegation signs"], ["secured", "this priority is secured"]])}</select>
    <label for="${prefix}-if-who">delegation</label><select id="${prefix}-if-who">${who}</select>
    <label for="${prefix}-if-what">priority</label><select id="${prefix}-if-what">${where}</select></div></details>`;
}

function readCondition(root, prefix) {
  const test = root.querySelector(`#${prefix}-if`)?.value;
  const delegate = root.querySelector(`#${prefix}-if-who`)?.value;
  const priority = root.querySelector(`#${prefix}-if-what`)?.value;
  if (test === "contributed") return { test, delegate, priority, min: 1 };
  if (test === "signed") return { test, delegate, priority };
  if (test === "secured") return { test: "priority", priority, status: ["secured"] };
  return undefined;
}

// Returns the forms' HTML for the seat's legal actions (and the offer builder, when it may act).
export function drawForms(table, view, seat, legal, names, counter) {
  if (!legal.length) return "";
  const by = (kind) => legal.filter((a) => a.kind === kind);
  const kindName = (k) => table.kinds[k]?.name || k;
  const short = (p) => table.priorities[p]?.short || p;
  const parts = [];
  const pledges = new Map();
  for (const a of by("pledge")) {
    const key = `${a.kind_id}|${a.priority}`;
    pledges.set(key, Math.max(pledges.get(key) || 0, a.amount));
  }
  if (pledges.size) {
    parts.push(`<form data-form="pledge"><h3>Pledge</h3>
      <label for="pledge-what">what, to which priority</label><select id="pledge-what">${options([...pledges].map(([key, most]) => {
        const [k, p] = key.split("|");
        return [key, `${kindName(k)} → ${short(p)} (up to ${most} ${table.kinds[k]?.unit || ""})`];
      }))}</select>
      <label for="pledge-amount">amount</label><input id="pledge-amount" type="number" min="1" step="1" value="1" inputmode="numeric">
      ${conditionFields("pledge", table, table.seats, names)}
      <button type="submit">Pledge</button><p class="refusal" role="alert"></p></form>`);
  }
  const signs = by("sign");
  if (signs.length) {
    const priorities = [...new Set(signs.map((a) => a.priority))];
    parts.push(`<form data-form="sign"><h3>${esc(table.vocabulary?.sign_title || "Sign")}</h3>
      <label for="sign-what">${esc(table.vocabulary?.clause || "priority")}</label><select id="sign-what">${options(priorities.map((p) => [p, table.priorities[p]?.name || p]))}</select>
      <label class="check"><input id="sign-reservations" type="checkbox"> with reservations</label>
      <button type="submit">Sign</button><p class="refusal" role="alert"></p></form>`);
  }
  const approvals = by("seek_approval");
  if (approvals.length) {
    parts.push(`<form data-form="seek_approval"><h3>Seek approval at home</h3>
      <label for="approval-what">for</label><select id="approval-what">${options(approvals.map((a) => [a.kind_id, kindName(a.kind_id)]))}</select>
      <button type="submit">Seek approval</button><p class="refusal" role="alert"></p></form>`);
  }
  const withdrawals = by("withdraw");
  if (withdrawals.length) {
    const mine = Object.fromEntries(view.mine.map((c) => [c.id, c]));
    parts.push(`<form data-form="withdraw"><h3>Withdraw a commitment <small>(costs capital and trust)</small></h3>
      <label for="withdraw-what">commitment</label><select id="withdraw-what">${options(withdrawals.map((a) => {
        const c = mine[a.commitment];
        return [String(a.commitment), c ? `#${c.id}: ${num(c.amount)} ${kindName(c.kind)} → ${short(c.priority)}` : `#${a.commitment}`];
      }))}</select>
      <button type="submit">Withdraw</button><p class="refusal" role="alert"></p></form>`);
  }
  const renewals = by("renew");
  if (renewals.length) parts.push(renewForm(table, view, renewals, kindName, short));
  parts.push(offerForm(table, view, seat, names, counter));
  if (by("pass").length) {
    parts.push(`<form data-form="pass" class="pass"><button type="submit">Pass — end my turn</button><p class="refusal" role="alert"></p></form>`);
  }
  return parts.join("");
}

// Only the renewals the host listed; the kinds' `renewal` words (from the host) say what each costs.
function renewForm(table, view, renewals, kindName, short) {
  const mine = Object.fromEntries(view.mine.map((c) => [c.id, c]));
  const kinds = [...new Set(renewals.map((a) => mine[a.commitment]?.kind).filter(Boolean))];
  const costs = kinds.filter((k) => table.kinds[k]?.renewal).map((k) =>
    `<p class="hint">${kinds.length > 1 ? `${esc(kindName(k))}: ` : ""}${esc(table.kinds[k].renewal)}</p>`).join("");
  return `<form data-form="renew"><h3>Renew a commitment</h3>${costs}
    <label for="renew-what">commitment</label><select id="renew-what">${options(renewals.map((a) => {
      const c = mine[a.commitment];
      const when = c ? termWords(c.term_ends, view.round, view.public.rounds) : "";
      return [String(a.commitment), c ? `#${c.id}: ${num(c.amount)} ${kindName(c.kind)} → ${short(c.priority)} · ${when}` : `#${a.commitment}`];
    }))}</select>
    <button type="submit">Renew</button><p class="refusal" role="alert"></p></form>`;
}

function offerForm(table, view, seat, names, counter) {
  const rows = Math.max(1, Math.min(8, Number(counter.rows) || 2));
  const seats = table.seats;
  const row = (i) => `<div class="item" data-row="${i}">
    <label for="offer-giver-${i}">who gives</label><select id="offer-giver-${i}">${options(seats.map((s) => [s, s === seat ? `${names(s)} (you)` : names(s)]),
      i === 0 ? seat : seats.find((s) => s !== seat))}</select>
    <label for="offer-amount-${i}">amount</label><input id="offer-amount-${i}" type="number" min="1" step="1" value="1" inputmode="numeric">
    <label for="offer-kind-${i}">of</label><select id="offer-kind-${i}">${options(Object.keys(table.kinds).map((k) => [k, table.kinds[k].name]))}</select>
    <label for="offer-to-${i}">to</label><select id="offer-to-${i}">${options(Object.keys(table.priorities).map((p) => [p, table.priorities[p].short]))}</select>
    ${conditionFields(`offer-${i}`, table, seats, names)}</div>`;
  const title = counter.offer ? `Counter offer #${counter.offer}` : "Propose a trade";
  const to = counter.offer ? "" : `<fieldset class="to"><legend>Address it to</legend>${seats.filter((s) => s !== seat).map((s) =>
    `<label class="check"><input type="checkbox" id="offer-addressee-${esc(s)}" data-seat="${esc(s)}"> ${esc(names(s))}</label>`).join("")}</fieldset>`;
  return `<form data-form="offer" class="offer-form"><h3>${title}</h3>
    <p class="hint">One line per commitment; every delegation that gives something is addressed. The host checks the bundle as you build it.</p>
    ${Array.from({ length: rows }, (_, i) => row(i)).join("")}
    <div class="buttons"><button type="button" data-act="offer-more">+ line</button><button type="button" data-act="offer-fewer" ${rows < 2 ? "disabled" : ""}>− line</button>
    ${counter.offer ? '<button type="button" data-act="counter-cancel">Back to a new offer</button>' : ""}</div>
    ${to}<label for="offer-note">note to the others (optional)</label><input id="offer-note" maxlength="300" autocomplete="off">
    <p class="checked" aria-live="polite"></p>
    <button type="submit" disabled>${counter.offer ? "Send counter-offer" : "Send offer"}</button><p class="refusal" role="alert"></p></form>`;
}

// Returns the action a submitted form stands for.
export function readForm(form, seat, counter) {
  const value = (id) => form.querySelector(`#${id}`)?.value;
  switch (form.dataset.form) {
    case "pledge": {
      const [kind_id, priority] = value("pledge-what").split("|");
      const action = { kind: "pledge", seat, kind_id, priority, amount: parseInt(value("pledge-amount"), 10) || 0 };
      const condition = readCondition(form, "pledge");
      return condition ? { ...action, condition } : action;
    }
    case "sign":
      return { kind: "sign", seat, priority: value("sign-what"), reservations: form.querySelector("#sign-reservations").checked };
    case "seek_approval":
      return { kind: "seek_approval", seat, kind_id: value("approval-what") };
    case "withdraw":
      return { kind: "withdraw", seat, commitment: parseInt(value("withdraw-what"), 10) };
    case "renew":
      return { kind: "renew", seat, commitment: parseInt(value("renew-what"), 10) };
    case "pass":
      return { kind: "pass", seat };
    default:
      return readOffer(form, seat, counter);
  }
}

function readOffer(form, seat, counter) {
  const items = [...form.querySelectorAll(".item")].map((row) => {
    const i = row.dataset.row;
    const item = {
      giver: form.querySelector(`#offer-giver-${i}`).value,
      kind_id: form.querySelector(`#offer-kind-${i}`).value,
      amount: parseInt(form.querySelector(`#offer-amount-${i}`).value, 10) || 0,
      priority: form.querySelector(`#offer-to-${i}`).value,
    };
    const condition = readCondition(form, `offer-${i}`);
    return condition ? { ...item, condition } : item;
  });
  const note = form.querySelector("#offer-note").value.trim();
  if (counter.offer) return { kind: "counter", seat, offer: counter.offer, items, note };
  const to = new Set(items.map((i) => i.giver).filter((s) => s !== seat));
  for (const box of form.querySelectorAll(".to input:checked")) to.add(box.dataset.seat);
  return { kind: "propose", seat, to: [...to], items, note };
}

// Fills the offer builder with an offer's items (for a counter-offer).
export function prefillCounter(drafts, offer) {
  drafts.forget("offer-");
  offer.items.forEach((item, i) => {
    Object.assign(drafts.values, {
      [`offer-giver-${i}`]: item.giver, [`offer-amount-${i}`]: String(item.amount),
      [`offer-kind-${i}`]: item.kind_id, [`offer-to-${i}`]: item.priority,
    });
  });
  drafts.save();
  return offer.items.length;
}
