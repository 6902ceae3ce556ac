import type { Plan } from "../model/plan.js";
import { checkOptions } from "../output/check-options.js";
import type { GeoJSON } from "../output/geojson-types.js";
import type { PlanDiff } from "../realign/diff-plans.js";
import { diffFromToday } from "../realign/today-of.js";
import { balanceSection } from "./balance-section.js";
import { changesSection } from "./changes-section.js";
import { htmlPage } from "./html-page.js";
import { diagnosticsSection, unassignedSection, violationsSection } from "./issues-sections.js";
import { mapPanel } from "./map-panel.js";
import { territoryPerformance } from "./performance.js";
import { performanceSection } from "./performance-section.js";
import { regionsSection } from "./regions-section.js";
import { repFigures, repTips } from "./rep-figures.js";
import { planSubtitle, summarySection } from "./summary-section.js";
import { territoryTable } from "./territory-table.js";

/** Options for `toHtml` and `toDiffHtml`; every field optional. */
export interface HtmlOptions {
  /** Page title. Default `"Territory plan"` (`toDiffHtml`: `"Territory changes"`). */
  readonly title?: string;
  /**
   * Outlines drawn beneath the territories (coastlines, state borders…): any GeoJSON object with
   * `[lng, lat]` coordinates, as `renderSvg`'s `basemap`. Default none.
   */
  readonly basemap?: GeoJSON;
  /** How far, in km, territory outlines reach beyond the outermost accounts (as in `toGeoJSON`). */
  readonly bufferKm?: number;
  /**
   * The account field or attribute holding sales per period (currency). When at least one account
   * has a value, the report adds attainment (sales / potential) per territory, the top and bottom
   * quartile flagged, and white space (`whiteSpace`). Default `"sales"`.
   */
  readonly sales?: string;
}

const optionKinds = { title: "string", basemap: "geojson", bufferKm: "positive", sales: "string" } as const;

/**
 * The plan as one self-contained HTML page (a string starting with `<!DOCTYPE html>`) that a
 * sales leader opens from disk: every style, script and datum inline, no network request (a
 * Content-Security-Policy forbids any). It shows, top to bottom:
 *
 * - a summary: status, objective, lower bound and gap, balance, travel, broken rules, unassigned;
 * - the map: territories filled per rep (one `path[data-rep]` each), every account as a dot on a
 *   canvas, rep homes with labels that do not overlap, a scale bar; pan (drag) and zoom (wheel,
 *   double-click, buttons); hovering a territory shows a tooltip (`role="tooltip"`) with the rep,
 *   workload against target and band, accounts and travel; clicking a territory, its table row
 *   or its bar highlights all three;
 * - the territory table (one sortable `tr[data-rep]` per rep);
 * - workload against band per rep as a bar chart, and Lorenz curves of workload and potential over
 *   territories with their Gini;
 * - with regions or districts on accounts or reps: their roll-ups (`rollupsOf`);
 * - with current reps (`account.currentRep`): the moved accounts ringed on the map and each rep's
 *   gains and losses (`diffPlans` against today's owners);
 * - with sales (`options.sales`): attainment per territory, top and bottom quartile flagged, white
 *   space and under-covered accounts (ringed on the map);
 * - broken rules (counted per rule, then each), diagnostics, unassigned accounts with reasons.
 *
 * Every account is drawn at any size (on a canvas); tables list at most 1,000 broken rules and
 * unassigned accounts. About 60 bytes per account: 100,000 accounts make a file of about 6 MB.
 * The plan is not modified. Throws `TerralignError` (`invalid_option`) for bad options, and
 * (`invalid_input`) for a sales value that is not a number.
 */
export function toHtml(plan: Plan, options: HtmlOptions = {}): string {
  checkOptions(options, optionKinds);
  const diff = diffFromToday(plan);
  return reportPage(plan, options.title ?? "Territory plan", options, diff && { diff, against: "today's owners (current rep)", first: false });
}

/**
 * A page showing what changes between two assignments of one problem: `toHtml`'s report of the
 * `after` plan with `diff` (from `diffPlans(problem, before, after)`) as its changes — moved
 * accounts ringed on the map, each rep's gains and losses — placed right after the summary.
 * `against` names the before side in the text (default "the before assignment").
 */
export function toDiffHtml(after: Plan, diff: PlanDiff, options: HtmlOptions & { readonly against?: string } = {}): string {
  const { against, ...rest } = options;
  checkOptions(rest, optionKinds);
  return reportPage(after, options.title ?? "Territory changes", rest, { diff, against: against ?? "the before assignment", first: true });
}

/** Changes to show: the diff, what it is against, and whether it comes first (a diff page) or after the table. */
interface Changes {
  readonly diff: PlanDiff;
  readonly against: string;
  readonly first: boolean;
}

function reportPage(plan: Plan, title: string, options: HtmlOptions, changes?: Changes): string {
  const performance = territoryPerformance(plan, options.sales ?? "sales");
  const figures = repFigures(plan, changes?.diff.reps);
  const moved = changes ? movedFlags(plan, changes.diff) : undefined;
  const changed = changes ? changesSection(changes.diff, changes.against) : "";
  const map = mapPanel(plan, { basemap: options.basemap, bufferKm: options.bufferKm, moved, underCovered: performance?.space.underCovered });
  return htmlPage({
    title,
    subtitle: planSubtitle(plan),
    sections: [
      summarySection(plan),
      changes?.first ? changed : "",
      map.html,
      territoryTable(plan, figures, performance),
      changes?.first ? "" : changed,
      balanceSection(plan, figures),
      regionsSection(plan),
      performance ? performanceSection(plan, performance) : "",
      violationsSection(plan),
      diagnosticsSection(plan),
      unassignedSection(plan),
    ],
    data: { reps: repTips(plan, figures, performance), map: map.data },
  });
}

function movedFlags(plan: Plan, diff: PlanDiff): Uint8Array {
  const index = new Map(plan.problem.accounts.map((a, i) => [a.id, i]));
  const flags = new Uint8Array(plan.problem.accounts.length);
  for (const m of diff.moved) {
    const a = index.get(m.accountId);
    if (a !== undefined && m.from !== null && m.to !== null) flags[a] = 1;
  }
  return flags;
}
