"""The reports' stylesheet, inlined into every page: large type and strong contrast for a
projector, Okabe-Ito colours for status (always with a symbol and a word), and print rules."""

CSS = """
:root { --ink: #141414; --muted: #4a4a4a; --navy: #0b2e59; --line: #c9ced6; --zebra: #f2f4f7;
  --blue: #0072B2; --orange: #E69F00; --verm: #D55E00; --green: #009E73; --purple: #CC79A7; --sky: #56B4E9; }
* { box-sizing: border-box; }
html { font-size: 20px; }
body { margin: 0 auto; max-width: 1280px; padding: 1.2rem 2rem 3rem; color: var(--ink); background: #fff;
  font-family: "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; line-height: 1.5; }
h1 { font-size: 2.3rem; line-height: 1.15; color: var(--navy); margin: 0.4rem 0 0.6rem; }
h2 { font-size: 1.7rem; color: var(--navy); border-bottom: 4px solid var(--navy); padding-bottom: 0.2rem;
  margin: 2.6rem 0 0.8rem; break-after: avoid; }
h3 { font-size: 1.2rem; color: var(--navy); margin: 1.4rem 0 0.5rem; break-after: avoid; }
a { color: #004f80; }
.subtitle { font-size: 1.05rem; color: var(--muted); max-width: 60rem; }
.facts { display: flex; flex-wrap: wrap; gap: 0.4rem 2rem; margin: 1rem 0; }
.facts div { min-width: 8rem; }
.facts dt { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.banner { font-size: 1.35rem; font-weight: 600; padding: 0.7rem 1rem; border-left: 8px solid var(--navy);
  background: var(--zebra); }
.toc { background: var(--zebra); padding: 0.6rem 1.2rem; margin: 1.2rem 0; }
.toc-title { font-weight: 700; margin: 0.2rem 0; }
.toc ol { columns: 2; margin: 0.2rem 0; }
.intro { color: var(--muted); font-size: 1.05rem; }
.lead { font-size: 1.25rem; }
.note { color: var(--muted); font-size: 0.9rem; }
.quote { border-left: 6px solid var(--purple); padding: 0.3rem 0.9rem; background: #faf3f7; }
.table-wrap { overflow-x: auto; margin: 0.6rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
caption { caption-side: bottom; text-align: left; color: var(--muted); font-size: 0.8rem; padding-top: 0.3rem; }
th { background: var(--navy); color: #fff; text-align: left; padding: 0.45rem 0.6rem; }
td { padding: 0.4rem 0.6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
tbody tr:nth-child(even) { background: var(--zebra); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0.05rem 0.55rem; border-radius: 0.9rem; font-weight: 700;
  font-size: 0.85em; white-space: nowrap; border: 2px solid transparent;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.b-secured, .b-success, .b-met, .b-better { background: var(--blue); color: #fff; }
.b-partial { background: var(--orange); color: #000; }
.b-failed, .b-failure, .b-worse { background: var(--verm); color: #000; }
.b-unmet { background: #fff; color: #5a5a5a; border-color: #8a8a8a; }
.b-same, .b-unknown { background: #e4e6ea; color: #222; }
.meter-wrap { white-space: nowrap; }
.meter { display: inline-block; position: relative; width: 9rem; height: 1rem; background: #e4e6ea;
  vertical-align: middle; border-radius: 3px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.meter .fill { position: absolute; left: 0; top: 0; bottom: 0; background: var(--blue); border-radius: 3px; }
.meter .mark { position: absolute; top: -0.2rem; bottom: -0.2rem; width: 3px; background: #000; }
.meter .partial-mark { background: #6b6b6b; width: 2px; }
.meter-num { font-variant-numeric: tabular-nums; font-weight: 600; }
figure { margin: 1rem 0 1.6rem; break-inside: avoid; }
figcaption { margin-bottom: 0.4rem; }
svg.chart { width: 100%; height: auto; display: block; }
details { margin-top: 0.4rem; }
summary { cursor: pointer; color: #004f80; font-size: 0.9rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(24rem, 1fr)); gap: 1rem; }
.card { border: 2px solid var(--line); border-radius: 6px; padding: 0.2rem 1rem 0.6rem; break-inside: avoid; }
.card h3 { margin-top: 0.6rem; }
.card ul { padding-left: 1.1rem; }
.card li { margin: 0.3rem 0; }
.entries { list-style: none; padding: 0; margin: 0.4rem 0 1rem; }
.entries li { display: grid; grid-template-columns: 8.5rem 1fr; gap: 0.6rem; align-items: baseline;
  border-left: 6px solid #8a8a8a; padding: 0.25rem 0.7rem; margin: 0.25rem 0; break-inside: avoid; }
.entries .label { font-weight: 700; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; }
.tone-event { border-color: var(--blue) !important; background: #e8f2fa; font-size: 1.05rem; }
.tone-good { border-color: var(--green) !important; }
.tone-bad { border-color: var(--verm) !important; background: #fdf1ea; }
.tone-facilitator { border-color: var(--purple) !important; background: #faf3f7; }
.tone-minor { border-color: #c4c4c4 !important; color: var(--muted); font-size: 0.85rem; }
.private { color: #7a3b62; font-style: italic; font-size: 0.85em; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); }
@media (max-width: 800px) { html { font-size: 16px; } body { padding: 0.6rem; } .toc ol { columns: 1; } }
@media print {
  html { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  .toc, summary { display: none; }
  h2 { break-before: page; }
  .cards { grid-template-columns: 1fr 1fr; }
  tr, li, .card, figure { break-inside: avoid; }
  svg.chart { max-height: 22cm; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 1.5cm; }
"""
