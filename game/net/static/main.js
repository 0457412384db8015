// The page: joins with the code in its address (a seat, the facilitator, or a spectator),
// keeps the latest view and log, and redraws. It computes no rules: it shows views and sends
// the actions built from the legal list; the host answers each one.

import { Connection } from "./connection.js";
import { drawControls, drawRoster, readControl } from "./dashboard.js";
import { drawDesk, drawInbox } from "./desk.js";
import { Drafts, drawForms, prefillCounter, readForm } from "./forms.js";
import * as show from "./show.js";

const [, place, rawCode] = location.pathname.split("/");
const role = place === "facilitator" ? "facilitator" : place === "seat" ? "seat" : "spectator";
const code = decodeURIComponent(rawCode || "");
const $ = (id) => document.getElementById(id);
const drafts = new Drafts(code || "spectator");
const s = {
  table: null, ids: {}, view: null, legal: [], log: [], cards: [], offers: {}, outcome: "", seat: null,
  presence: null, codes: null, clock: null, formsKey: "", controlsKey: "", checkTimer: null,
  counter: drafts.values._counter || { offer: 0, rows: 2 },
};
const names = (id) => s.table?.delegates[id]?.name || s.table?.priorities[id]?.name || s.table?.kinds[id]?.name || id;

document.body.dataset.role = role;
document.querySelector(".skip").href = { seat: "#act", facilitator: "#controls", spectator: "#col-table" }[role];
const conn = new Connection(role === "spectator" ? { type: "join", spectator: true } : { type: "join", code },
  receive, status);
conn.open();

function status(kind, text) {
  document.body.dataset.link = kind;
  $("link").textContent = text;
}

function receive(m) {
  const handlers = {
    welcome: () => {
      s.seat = m.seat;
      const who = role === "spectator" ? "The public table" : role === "facilitator" ? "Facilitator" : m.name;
      document.title = `${who} — Coalition Table`;
      $("who").textContent = who;
    },
    table: () => { s.table = m; s.ids = show.identities(m); $("title").textContent = m.scenario.title; },
    view: () => onView(m),
    presence: () => { s.presence = m; if (m.note) say(m.note); redraw(); },
    codes: () => { s.codes = m; redraw(); },
    clock: () => { s.clock = { ...m, at: performance.now() }; tick(); },
    error: () => say(m.message, true),
    rejected: () => { if (m.id === undefined) say(m.message, true); },
  };
  handlers[m.type]?.();
}

function onView(m) {
  if (m.log_from > s.log.length) { conn.send({ type: "sync" }); return; }
  s.log.length = m.log_from;
  s.log.push(...m.log);
  const cards = m.words?.cards || [];
  s.cards = m.log_from === 0 ? cards : [...s.cards, ...cards];
  s.offers = m.words?.offers || {};
  s.outcome = m.words?.outcome || "";
  s.view = m.view;
  s.legal = m.legal;
  s.seq = m.seq;
  redraw();
  document.body.dataset.seq = String(m.seq);
}

function say(text, bad = false) {
  const note = $("note");
  note.textContent = text;
  note.className = bad ? "bad" : "";
}

// Replaces a container's HTML, keeping focus and typed values (by element id; every input
// event stores its field in the drafts).
function replace(id, html, keepInput = false) {
  const root = $(id);
  const focused = root.contains(document.activeElement) ? document.activeElement.id : "";
  root.innerHTML = html;
  if (keepInput) drafts.restore(root);
  if (focused && $(focused)) $(focused).focus();
}

function redraw() {
  const { table, view } = s;
  if (!table || !view) return;
  $("round").textContent = view.over ? "The game is over" : `Round ${view.round} of ${view.public.rounds} · ${show.PHASES[view.phase] || view.phase}`;
  $("turn").innerHTML = turnLine();
  $("priorities").innerHTML = show.drawPriorities(table, view, s.ids, names);
  $("tracks").innerHTML = show.drawTracks(table, view);
  $("delegations").innerHTML = show.drawDelegations(table, view, s.ids, role === "seat" ? s.seat : null);
  const cards = s.cards.slice(-4).reverse();
  $("cards").innerHTML = cards.length ? cards.map(show.drawCard).join("") : "<p>No event card yet.</p>";
  $("log").innerHTML = show.drawLog(table, s.log);
  if (role === "seat") drawSeat();
  if (role === "facilitator") drawFacilitator();
}

function turnLine() {
  const v = s.view;
  if (v.over) {
    const score = role === "seat" ? ` Your score: <b>${v.private[s.seat]?.score ?? 0}</b> points.` : "";
    return `<span class="tag">■ Game over</span> ${show.esc(v.end_reason)}${s.outcome ? ` — ${show.esc(s.table?.vocabulary?.result || "Result")}: <b>${show.esc(s.outcome)}</b>.` : "."}${score}`;
  }
  if (v.paused) return '<span class="tag bad">‖ Paused by the facilitator</span> Wait for the facilitator to resume.';
  if (role === "seat" && s.legal.length) return `<span class="tag turn">▶ Your move</span> ${v.actions_left} action${v.actions_left === 1 ? "" : "s"} left.`;
  if (v.turn_seat) return `${show.badge(s.ids, v.turn_seat, names(v.turn_seat))} is acting (${v.actions_left} left).${role === "seat" ? " You can read and prepare an offer; it is sent when your turn comes." : ""}`;
  return "The host is running the table…";
}

function drawSeat() {
  const { table, view, legal } = s;
  $("desk").innerHTML = drawDesk(table, view, s.seat, s.ids, names);
  replace("inbox", drawInbox(view, s.seat, legal, { offers: s.offers }, s.ids, names));
  const key = JSON.stringify([legal, s.counter, view.mine.map((c) => c.id), view.over, view.paused]);
  if (key === s.formsKey) return;
  s.formsKey = key;
  const html = drawForms(table, view, s.seat, legal, names, s.counter);
  const idle = view.over ? "The game is over: the result is at the top, your objectives and score on your desk."
    : view.paused ? "The facilitator paused the game; your forms come back when it resumes."
      : "Your forms appear here when it is your turn.";
  replace("forms", html || `<p class="waiting">${idle}</p>`, true);
  if ($("forms").querySelector('[data-form="offer"]')) checkOffer();
}

function drawFacilitator() {
  const { table, view } = s;
  const key = JSON.stringify([view.paused, view.over]);
  if (key !== s.controlsKey) {
    s.controlsKey = key;
    replace("controls", drawControls(table, view, code), true);
  }
  replace("roster", drawRoster(table, view, s.presence, s.ids, s.codes), true);
}

// -- acting ----------------------------------------------------------------------------------

async function act(action, where) {
  const reply = await conn.request({ type: "act", action });
  return report(reply, where);
}

function report(reply, where) {
  if (where) where.textContent = reply.type === "rejected" ? reply.message : "";
  if (reply.type === "applied") say(`Done: ${reply.action.kind.replace("_", " ")}.`);
  return reply.type === "applied";
}

function checkOffer() {
  clearTimeout(s.checkTimer);
  s.checkTimer = setTimeout(async () => {
    const form = $("forms").querySelector('[data-form="offer"]');
    if (!form) return;
    const reply = await conn.request({ type: "check", action: readForm(form, s.seat, s.counter) });
    const line = form.querySelector(".checked");
    const ok = reply.type === "checked" && reply.ok;
    line.textContent = ok ? "✔ The host would accept this offer now." : `✘ ${reply.message}`;
    line.className = `checked ${ok ? "good" : "bad"}`;
    form.querySelector('button[type="submit"]').disabled = !ok;
  }, 200);
}

function setCounter(counter) {
  s.counter = counter;
  drafts.values._counter = counter;
  s.formsKey = "";
  redraw();
}

document.addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  const refusal = form.querySelector(".refusal");
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  const control = form.closest("#controls");
  const action = control ? readControl(form) : readForm(form, s.seat, s.counter);
  const ok = await act(action, refusal);
  button.disabled = false;
  if (!ok) return;
  drafts.forget(form.dataset.form === "offer" ? "offer-" : `${form.dataset.form}-`);
  if (form.dataset.form === "offer") setCounter({ offer: 0, rows: 2 });
  if (control) form.reset();
});

document.addEventListener("input", (event) => {
  const form = event.target.closest("form");
  if (form?.dataset.form === "offer") checkOffer();
  drafts.values[event.target.id] = event.target.type === "checkbox" ? event.target.checked : event.target.value;
  drafts.save();
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-act]");
  if (!button) return;
  const what = button.dataset.act;
  const offer = Number(button.dataset.offer);
  const seat = button.dataset.seat;
  const refusal = (key) => document.querySelector(`[data-refusal="${key}"]`);
  const clicks = {
    accept: () => act({ kind: "accept", seat: s.seat, offer }, refusal(`offer-${offer}`)),
    reject: () => act({ kind: "reject", seat: s.seat, offer }, refusal(`offer-${offer}`)),
    counter: () => {
      const found = s.view.offers.find((o) => o.id === offer);
      setCounter({ offer, rows: prefillCounter(drafts, found) });
      $("forms").querySelector("h3")?.scrollIntoView({ block: "nearest" });
      $("offer-note")?.focus();
    },
    "counter-cancel": () => setCounter({ offer: 0, rows: 2 }),
    "offer-more": () => setCounter({ ...s.counter, rows: s.counter.rows + 1 }),
    "offer-fewer": () => setCounter({ ...s.counter, rows: s.counter.rows - 1 }),
    pause: () => act({ kind: "pause" }, refusal("room")),
    resume: () => act({ kind: "resume" }, refusal("room")),
    end_phase: () => act({ kind: "end_phase" }, refusal("room")),
    undo: async () => report(await conn.request({ type: "undo" }), refusal("room")),
    set_controller: () => act({ kind: "set_controller", delegate: seat, controller: $(`controller-${seat}`).value }, refusal(`seat-${seat}`)),
    reissue: async () => {
      if (!confirm(`Revoke ${names(seat)}'s code? Its device is disconnected and the old slip stops working.`)) return;
      const reply = await conn.request({ type: "reissue", seat });
      if (reply.type === "rejected") refusal(`seat-${seat}`).textContent = reply.message;
    },
  };
  await clicks[what]?.();
});

// -- the clock ---------------------------------------------------------------------------------

function tick() {
  const c = s.clock;
  const box = $("clock");
  if (!c || c.seconds_left === null || c.seconds_left === undefined) { box.textContent = ""; return; }
  const left = Math.max(0, c.seconds_left - (c.running ? (performance.now() - c.at) / 1000 : 0));
  const minutes = Math.floor(left / 60);
  box.textContent = `⏱ ${minutes}:${String(Math.floor(left % 60)).padStart(2, "0")} left${c.running ? "" : " (stopped)"}`;
}
setInterval(tick, 1000);
