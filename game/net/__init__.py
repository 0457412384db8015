"""The workshop host: one authoritative game served over HTTP and a WebSocket, its join codes, and remote clients."""
