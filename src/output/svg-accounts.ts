import type { GeoProjection } from "d3-geo";
import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "./account-sites.js";
import { darken } from "./palette.js";

/** Account dots drawn at most; above this, an evenly spaced sample in input order. */
export const MAX_ACCOUNT_DOTS = 20_000;

/**
 * Account dots, grouped per territory so each group carries its colours once: filled with the
 * territory colour, stroked darker, area proportional to workload (radius from 35 % to 100 % of a
 * maximum that shrinks as the map gets crowded, 1.5–5 px). Unassigned accounts are white with a
 * black stroke, drawn last. With more than `MAX_ACCOUNT_DOTS` accounts, only every k-th account
 * (input order, k = ⌈accounts / MAX_ACCOUNT_DOTS⌉) gets a dot, and every unassigned one; the
 * territories, legend and figures still count them all.
 */
export function renderAccounts(plan: Plan, projection: GeoProjection, colours: readonly string[], mapArea: number): string {
  const { accounts } = plan.problem;
  const repOf = repIndexByAccount(plan);
  let maxWorkload = 0;
  for (const account of accounts) maxWorkload = Math.max(maxWorkload, account.workload);
  const rMax = maxDotRadius(accounts.length, mapArea);
  const radius = (w: number) => rMax * (0.35 + 0.65 * (maxWorkload > 0 ? Math.sqrt(w / maxWorkload) : 0));

  const groups = new Map<number, string[]>();
  const step = Math.ceil(accounts.length / MAX_ACCOUNT_DOTS);
  accounts.forEach((account, a) => {
    if (a % step !== 0 && repOf[a] >= 0) return;
    const xy = projection(account.location);
    if (!xy) return;
    const dots = groups.get(repOf[a]) ?? [];
    dots.push(`<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="${radius(account.workload).toFixed(2)}"/>`);
    groups.set(repOf[a], dots);
  });
  const out: string[] = [`<g class="accounts" stroke-width="0.6">`];
  for (let r = 0; r < colours.length; r++) {
    const dots = groups.get(r);
    if (dots) out.push(`<g fill="${colours[r]}" stroke="${darken(colours[r], 0.55)}">`, ...dots, "</g>");
  }
  const orphans = groups.get(-1);
  if (orphans) out.push(`<g class="unassigned" fill="#ffffff" stroke="#000000" stroke-width="1">`, ...orphans, "</g>");
  out.push("</g>");
  return out.join("\n");
}

/** Radius of the largest account dot, px: 1.5–5, smaller as `accounts` crowd a map of `mapArea` px². */
export function maxDotRadius(accounts: number, mapArea: number): number {
  return Math.min(5, Math.max(1.5, 0.25 * Math.sqrt(mapArea / Math.max(1, Math.min(accounts, MAX_ACCOUNT_DOTS)))));
}

/** A red ring around each account in `ids` (every one, however many accounts the map samples). */
export function renderHighlights(plan: Plan, projection: GeoProjection, ids: readonly string[]): string {
  const wanted = new Set(ids);
  const rings: string[] = [];
  for (const account of plan.problem.accounts) {
    if (!wanted.has(account.id)) continue;
    const xy = projection(account.location);
    if (xy) rings.push(`<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="4"/>`);
  }
  return [`<g class="highlighted" fill="none" stroke="#d62728" stroke-width="1.5">`, ...rings, "</g>"].join("\n");
}
