/** The report page's style sheet, inlined into every report. System fonts only (no web fonts to fetch). */
export const reportStyle = `
:root { --ink: #1d1d1f; --muted: #62626a; --line: #dcdce0; --soft: #f5f5f7; --accent: #1f5fbf; --bad: #c0392b; --good: #1e7b34; --pick: #fff3bf; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
header.page { padding: 20px 28px 12px; border-bottom: 1px solid var(--line); }
header.page h1 { margin: 0 0 4px; font-size: 22px; }
header.page p { margin: 0; color: var(--muted); }
main { padding: 0 28px 40px; max-width: 1400px; }
section { margin-top: 28px; }
h2 { font-size: 17px; margin: 0 0 10px; }
h3 { font-size: 14px; margin: 14px 0 6px; }
p.note { color: var(--muted); margin: 4px 0 10px; }
.status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-weight: 600; font-size: 12px; background: var(--soft); }
.status-optimal, .status-feasible { background: #dff3e4; color: var(--good); }
.status-infeasible, .status-unsolved, .status-timeout { background: #fbe3e0; color: var(--bad); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .label { color: var(--muted); font-size: 12px; }
.card .value { font-size: 20px; font-weight: 600; margin-top: 2px; }
.card .sub { color: var(--muted); font-size: 12px; }
.map-tools { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; margin-bottom: 6px; color: var(--muted); font-size: 13px; }
.map-tools label { display: inline-flex; gap: 4px; align-items: center; cursor: pointer; }
.map { position: relative; width: 100%; max-width: 1100px; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; background: #fbfbfc; touch-action: none; cursor: grab; user-select: none; }
.map:active { cursor: grabbing; }
.map > svg, .map > canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
#map-canvas, #map-overlay { pointer-events: none; }
.territories path { fill-opacity: 0.45; stroke: #fff; stroke-width: 1.5; stroke-linejoin: round; vector-effect: non-scaling-stroke; cursor: pointer; }
.territories.units path { stroke: none; }
#map-view .unit-borders, #map-view .territory-borders, #map-view .basemap path { vector-effect: non-scaling-stroke; pointer-events: none; }
.territories path:hover { fill-opacity: 0.65; }
.has-selection .territories path { fill-opacity: 0.18; }
.territories path.selected, .has-selection .territories path.selected { fill-opacity: 0.7; stroke: #111; stroke-width: 2.5; }
.map-buttons { position: absolute; top: 8px; right: 8px; display: flex; flex-direction: column; gap: 4px; }
.map-buttons button { width: 28px; height: 28px; border: 1px solid var(--line); border-radius: 6px; background: #fff; font-size: 16px; line-height: 1; cursor: pointer; }
.scale { position: absolute; left: 10px; bottom: 10px; font-size: 11px; pointer-events: none; }
.scale-label { display: block; text-shadow: 0 0 3px #fff, 0 0 3px #fff; }
.scale-bar { display: block; height: 5px; border: 1px solid #222; border-top: none; background: linear-gradient(90deg, #222 50%, #fff 50%); }
.tooltip { position: absolute; z-index: 2; max-width: 320px; padding: 8px 10px; background: rgba(255,255,255,0.97); border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,0.15); font-size: 12px; pointer-events: none; }
.tooltip strong { display: flex; align-items: center; gap: 6px; font-size: 13px; margin-bottom: 3px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; border: 1px solid rgba(0,0,0,0.35); vertical-align: -1px; }
.band-below, .band-above { color: var(--bad); }
.band-in { color: var(--good); }
.symbols { display: flex; flex-wrap: wrap; gap: 16px; color: var(--muted); font-size: 12px; margin-top: 6px; }
.symbols svg { vertical-align: -3px; }
.table-wrap { max-height: 560px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 4px 8px; border-bottom: 1px solid #ececef; text-align: right; white-space: nowrap; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
td.wrap { white-space: normal; text-align: left; }
thead th { position: sticky; top: 0; background: var(--soft); font-weight: 600; z-index: 1; }
table.sortable thead th { cursor: pointer; }
table.sortable thead th[aria-sort="ascending"]::after { content: " ▲"; font-size: 10px; }
table.sortable thead th[aria-sort="descending"]::after { content: " ▼"; font-size: 10px; }
tbody tr[data-rep] { cursor: pointer; }
tbody tr:hover { background: #f7f9fd; }
tr.selected, tr.selected:hover { background: var(--pick); }
td.out, span.out { color: var(--bad); font-weight: 600; }
.flag { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; font-weight: 600; }
.flag-high { background: #dff3e4; color: var(--good); }
.flag-low { background: #fbe3e0; color: var(--bad); }
.charts { display: flex; flex-wrap: wrap; gap: 18px; align-items: flex-start; }
.chart { max-width: 100%; height: auto; }
.band-chart rect[data-rep] { cursor: pointer; }
.has-selection .band-chart rect[data-rep] { opacity: 0.35; }
.band-chart rect.selected, .has-selection .band-chart rect.selected { opacity: 1; stroke: #111; stroke-width: 1.5; }
ul.diagnostics { padding-left: 0; list-style: none; margin: 0; }
ul.diagnostics li { padding: 6px 10px; border-left: 4px solid var(--line); margin-bottom: 6px; background: var(--soft); border-radius: 0 6px 6px 0; }
ul.diagnostics li.error { border-color: var(--bad); }
ul.diagnostics li.warning { border-color: #e0a100; }
ul.diagnostics li.info { border-color: var(--accent); }
ul.diagnostics code { font-size: 12px; color: var(--muted); }
footer { padding: 18px 28px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
a { color: var(--accent); }
@media print { .map-buttons, .map-tools { display: none; } .table-wrap { max-height: none; overflow: visible; } }
`;
