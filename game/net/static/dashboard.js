// The facilitator's dashboard: every delegation at a glance and the room's controls. Every
// control is a message to the host (an action, an undo or a reissue) and so goes into the journal.

import { badge, esc, num, pct } from "./show.js";

const options = (pairs) => pairs.map(([v, l]) => `<option value="${esc(v)}">${esc(l)}</option>`).join("");

export function drawControls(table, view, code) {
  const events = table.events || [];
  const tracks = Object.entries(table.tracks);
  const review = view.over
    ? `<p class="review"><a href="/facilitator/${esc(code)}/review" target="_blank" rel="noopener">Open the after-action review</a> (opens in a new tab; takes a few seconds to build)</p>` : "";
  return `<h2>Run the room</h2>${review}
    <div class="buttons">
      <button data-act="pause" ${view.paused || view.over ? "disabled" : ""}>‖ Pause</button>
      <button data-act="resume" ${view.paused ? "" : "disabled"}>▶ Resume</button>
      <button data-act="end_phase" ${view.over ? "disabled" : ""}>⇥ End the phase</button>
      <button data-act="undo">↶ Undo the last action</button>
    </div><p class="refusal" role="alert" data-refusal="room"></p>
    <form data-form="inject_event"><h3>Inject an event card</h3>
      <label for="inject-what">card</label><select id="inject-what">${options(events.map((e) => [e.id, `${e.title}${e.visibility === "private" ? " (private)" : ""}`]))}</select>
      <button type="submit">Inject</button><p class="refusal" role="alert"></p></form>
    <form data-form="adjust_track"><h3>Adjust a track</h3>
      <label for="track-what">track</label><select id="track-what">${options(tracks.map(([id, t]) => [id, t.name]))}</select>
      <label for="track-by">by</label><input id="track-by" type="number" step="0.5" value="1">
      <label for="track-reason">reason (for the record)</label><input id="track-reason" maxlength="200" required autocomplete="off">
      <button type="submit">Adjust</button><p class="refusal" role="alert"></p></form>
    <form data-form="announce"><h3>Announce (a free-text inject)</h3>
      <label for="announce-speaker">who speaks (optional, e.g. Moscow)</label><input id="announce-speaker" maxlength="60" autocomplete="off">
      <label for="announce-text">what is said</label><input id="announce-text" maxlength="500" required autocomplete="off">
      <label for="announce-to">to</label><select id="announce-to"><option value="">everyone</option>${options(table.seats.map((s) => [s, table.delegates[s]?.name || s]))}</select>
      <button type="submit">Announce</button><p class="refusal" role="alert"></p></form>`;
}

export function readControl(form) {
  const value = (id) => form.querySelector(`#${id}`).value;
  if (form.dataset.form === "inject_event") return { kind: "inject_event", event: value("inject-what") };
  if (form.dataset.form === "announce") {
    const to = value("announce-to");
    return { kind: "announce", text: value("announce-text").trim(), speaker: value("announce-speaker").trim(), ...(to ? { to: [to] } : {}) };
  }
  return { kind: "adjust_track", track: value("track-what"), by: Number(value("track-by")), reason: value("track-reason").trim() };
}

// One row per delegation: presence, controller, turn, capital, score, objectives, capacities, code, secrets.
export function drawRoster(table, view, presence, ids, codes) {
  const connected = presence?.connected || {};
  const controllers = table.controllers || ["human"];
  const rows = table.seats.map((seat) => {
    const d = view.public.delegates[seat];
    const p = view.private[seat];
    if (!d || !p) return "";
    const online = (connected[seat] || 0) > 0;
    const acting = view.turn_seat === seat ? `<span class="tag turn">▶ ${view.actions_left} left</span>` : "";
    const met = p.objectives.filter((o) => o.met).length;
    const caps = Object.keys(d.free).map((k) => `${esc(table.kinds[k]?.name || k)} ${num(d.free[k])}/${num(d.free[k] + (d.committed[k] || 0))}`).join(", ");
    const free = Object.values(d.free).reduce((a, b) => a + b, 0);
    const given = Object.values(d.committed).reduce((a, b) => a + b, 0);
    const odds = Object.entries(p.approval_odds).map(([k, o]) => `${esc(table.kinds[k]?.name || k)} vote ${pct(o)}`).join(", ");
    const code = codes?.seats?.[seat]?.code;
    return `<tr data-seat="${esc(seat)}">
      <th scope="row">${badge(ids, seat, d.name)}
        <details><summary>private state</summary><p><b>Confidential brief:</b> ${esc(p.confidential_brief)}</p>
          <ul>${p.objectives.map((o) => `<li>${o.met ? "✔" : "○"} ${esc(o.description)} (${o.points} pts)</li>`).join("")}</ul>
          ${odds ? `<p>${odds}</p>` : ""}<p>Free/total: ${caps}</p></details></th>
      <td><span class="tag ${online ? "good" : "bad"}">${online ? "● online" : "○ offline"}</span><br>${acting}</td>
      <td class="nowrap"><label class="sr" for="controller-${esc(seat)}">${esc(d.name)} played by</label>
        <select id="controller-${esc(seat)}" data-controller="${esc(seat)}">${controllers.map((c) => `<option value="${esc(c)}"${c === d.controller ? " selected" : ""}>${c === "human" ? "person" : `bot: ${esc(c)}`}</option>`).join("")}</select>
        <button data-act="set_controller" data-seat="${esc(seat)}" aria-label="Hand ${esc(d.name)} over">Set</button></td>
      <td class="standing">capital ${d.capital} · score ${p.score}<br>objectives ${met}/${p.objectives.length} · ${num(free)} free, ${num(given)} given</td>
      <td>${code ? `<code class="code">${esc(code)}</code>` : ""}
        <button data-act="reissue" data-seat="${esc(seat)}" aria-label="Revoke and reissue ${esc(d.name)}'s code">New code</button>
        <p class="refusal" role="alert" data-refusal="seat-${esc(seat)}"></p></td></tr>`;
  }).join("");
  return `<div class="scroll"><table class="roster"><thead><tr><th>delegation</th><th>connected</th><th>played by</th>
    <th>standing</th><th>join code</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}
