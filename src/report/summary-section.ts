import type { Plan } from "../model/plan.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { escapeHtml } from "./html-page.js";

/** What each status promises, in a sentence (see `PlanStatus`). */
const statusWords: Record<Plan["status"], string> = {
  optimal: "every rule holds and no plan travels less (proven)",
  feasible: "every rule holds and every account is assigned",
  infeasible: "no plan can keep every rule (proven); this is the best found",
  unsolved: "no plan keeping every rule was found; this is the best found",
  timeout: "the time limit stopped the search; this is the best so far",
};

/** The same for a given assignment (`planOfAssignment`): no search was run, so nothing was "found". */
const givenWords: Record<Plan["status"], string> = {
  ...statusWords,
  infeasible: "no plan can keep every rule (proven); this assignment breaks some",
  unsolved: "this assignment breaks some rule (it was given, not searched for)",
};

/** `planOfAssignment` marks its plans so. */
const GIVEN = "given assignment";

/** The line under the page title: status, method, size. */
export function planSubtitle(plan: Plan): string {
  const words = plan.method === GIVEN ? givenWords : statusWords;
  return [
    `<span class="status status-${plan.status}">${plan.status}</span>`,
    escapeHtml(words[plan.status]),
    `${escapeHtml(plan.method ?? plan.strategy)}`,
    `${formatNumber(plan.problem.accounts.length)} accounts, ${formatNumber(plan.problem.reps.length)} reps`,
  ].join(" · ");
}

/** The key figures as cards: objective, bound and gap, balance, travel, rules, unassigned, moves. */
export function summarySection(plan: Plan): string {
  const m = plan.metrics;
  const broken = plan.violations.length;
  const cards: [string, string, string][] = [
    ["Objective", formatNumber(m.objective), "Σ workload h × one-way travel minutes (minimised)"],
    plan.bound
      ? ["Gap to the bound", formatPercent(plan.bound.gap, 2), `lower bound ${formatNumber(plan.bound.lowerBound)}: no plan keeping the rules travels less`]
      : ["Gap to the bound", "–", plan.method === GIVEN ? "a given assignment carries no lower bound" : "this strategy proves no lower bound"],
    ["Largest deviation", formatPercent(m.workload.maxDeviation), `from target; band ±${formatPercent(plan.balance, 0)}`],
    ["Reps outside band", formatNumber(m.repsOutsideBand), `of ${formatNumber(plan.territories.length)}`],
    ["Workload CV", formatPercent(m.workload.coefficientOfVariation), `Gini ${formatNumber(m.workload.gini, 3)} (workload / target)`],
    ["Travel", `${formatNumber(m.totalTravelMinutes)} min`, "Σ one-way minutes from each rep's home"],
    ["Broken rules", formatNumber(broken), broken === 0 ? "every rule holds" : "see Broken rules below"],
    ["Unassigned", formatNumber(m.accountsUnassigned), `${formatNumber(m.accountsAssigned)} accounts assigned`],
  ];
  if (plan.problem.accounts.some((a) => a.currentRep !== undefined)) {
    cards.push(["Moved", formatNumber(m.disruption.accountsMoved), `accounts off their current rep (${formatPercent(m.disruption.fractionMoved)} of workload)`]);
  }
  const html = cards.map(([label, value, sub]) => `<div class="card"><div class="label">${escapeHtml(label)}</div><div class="value">${escapeHtml(value)}</div><div class="sub">${escapeHtml(sub)}</div></div>`);
  return [`<section id="summary"><h2>Summary</h2>`, `<div class="cards">`, ...html, "</div></section>"].join("\n");
}
