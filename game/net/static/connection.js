// The page's one WebSocket to the host: join, match replies to requests, and reconnect by
// itself after sleep or a network blip (the host keeps the game; the page keeps what was typed).

const RETRY_MS = [250, 500, 1000, 2000, 4000];
const FINAL = new Set(["unknown_code", "code_revoked", "too_many_attempts"]);

export class Connection {
  // join: the join message; onMessage(message); onStatus(kind, text) with kind
  // "connecting" | "live" | "waiting" | "stopped".
  constructor(join, onMessage, onStatus) {
    this.join = join;
    this.onMessage = onMessage;
    this.onStatus = onStatus;
    this.ws = null;
    this.nextId = 1;
    this.pending = new Map();
    this.failures = 0;
    this.stopped = false;
    this.timer = null;
    window.addEventListener("online", () => this.soon(0));
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.soon(0);
    });
  }

  url() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${location.host}/ws`;
  }

  open() {
    if (this.stopped || (this.ws && this.ws.readyState <= WebSocket.OPEN)) return;
    clearTimeout(this.timer);
    this.onStatus("connecting", this.failures ? "Waiting for the host… trying again now." : "Connecting to the host…");
    const ws = new WebSocket(this.url());
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify(this.join));
    ws.onmessage = (event) => this.receive(JSON.parse(event.data));
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      for (const resolve of this.pending.values()) resolve({ type: "rejected", rule: "disconnected",
        message: "The connection to the host dropped before it answered; nothing was lost — try again once connected." });
      this.pending.clear();
      if (this.stopped) return;
      this.failures += 1;
      this.onStatus("waiting", "Waiting for the host… The game is safe on the host; this page reconnects by itself and keeps what you typed.");
      this.soon(RETRY_MS[Math.min(this.failures - 1, RETRY_MS.length - 1)]);
    };
  }

  soon(ms) {
    if (this.stopped || this.ws) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.open(), ms);
  }

  receive(message) {
    if (message.type === "welcome") {
      this.failures = 0;
      this.onStatus("live", "Connected.");
    } else if (message.type === "taken_over") {
      this.stop("This seat was opened on another device, which has it now. Close this page, or reload it to take the seat back here.");
    } else if (message.type === "rejected" && FINAL.has(message.rule)) {
      this.stop(message.message);
    }
    if (message.id !== undefined && this.pending.has(message.id)) {
      this.pending.get(message.id)(message);
      this.pending.delete(message.id);
    }
    this.onMessage(message);
  }

  stop(text) {
    this.stopped = true;
    clearTimeout(this.timer);
    this.onStatus("stopped", text);
  }

  // Sends a message with a fresh id; resolves with the host's reply to it.
  request(message) {
    return new Promise((resolve) => {
      if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
        resolve({ type: "rejected", rule: "disconnected", message: "Not connected to the host yet; your input is kept — send it again once connected." });
        return;
      }
      const id = this.nextId++;
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ ...message, id }));
    });
  }

  send(message) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }
}
