import type { Plan } from "../model/plan.js";
import { formatNumber } from "../util/format-number.js";
import { mapSection, type MapMarks } from "./map-section.js";
import type { MapData } from "./report-data.js";

/** Ring layers start switched off above this many rings: at that density they hide the map until zoomed in. */
export const RINGS_SHOWN_AT_START = 2000;

/**
 * The map section: layer switches (accounts, moved, under-covered — each only when there is
 * something to show; a ring layer of more than `RINGS_SHOWN_AT_START` rings starts off), the map
 * (`mapSection`) and a key to its symbols.
 */
export function mapPanel(plan: Plan, marks: MapMarks): { html: string; data: MapData } {
  const map = mapSection(plan, marks);
  const moved = map.data.moved.length, under = map.data.underCovered.length;
  const toggle = (layer: string, label: string, on = true) => `<label><input type="checkbox" data-layer="${layer}"${on ? " checked" : ""}> ${label}</label>`;
  const tools = [
    toggle("accounts", `Accounts (${formatNumber(plan.problem.accounts.length)})`),
    moved > 0 ? toggle("moved", `Moved (${formatNumber(moved)})`, moved <= RINGS_SHOWN_AT_START) : "",
    under > 0 ? toggle("underCovered", `Under-covered (${formatNumber(under)})`, under <= RINGS_SHOWN_AT_START) : "",
    `<span>Drag to pan, scroll or double-click to zoom; click a territory to pick it.</span>`,
  ];
  const symbol = (svg: string, text: string) => `<span><svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">${svg}</svg> ${text}</span>`;
  const symbols = [
    symbol(`<circle r="3.5" fill="#4363d8" stroke="#253766"/>`, "account (size: workload)"),
    plan.unassigned.length > 0 ? symbol(`<circle r="3.5" fill="#fff" stroke="#000"/>`, "unassigned account") : "",
    symbol(`<rect x="-5" y="-5" width="10" height="10" fill="#4363d8" stroke="#fff" stroke-width="2"/><rect x="-6" y="-6" width="12" height="12" fill="none" stroke="#222"/>`, "rep home"),
    moved > 0 ? symbol(`<circle r="5" fill="none" stroke="#d62728" stroke-width="1.5"/>`, "moved account") : "",
    under > 0 ? symbol(`<circle r="5" fill="none" stroke="#111" stroke-width="1.2"/>`, "under-covered account") : "",
  ];
  return {
    html: [
      `<section id="map-section"><h2>Map</h2>`,
      `<div class="map-tools">${tools.filter(Boolean).join("")}</div>`,
      map.html,
      `<div class="symbols">${symbols.filter(Boolean).join("")}</div>`,
      "</section>",
    ].join("\n"),
    data: map.data,
  };
}
