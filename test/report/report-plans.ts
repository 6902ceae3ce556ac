import { align } from "../../src/align.js";
import type { Plan } from "../../src/model/plan.js";
import type { Account, Problem } from "../../src/model/problem-schema.js";
import { makePlan, randomProblem } from "../output/make-plan.js";

/**
 * A small plan of 240 accounts and 8 reps with everything the report can show: current reps (every
 * 5th account owned today by another rep), a `sales` attribute (rep-dependent attainment, so the
 * quartiles differ), one unassigned account, and one rep over its capacity.
 */
export function fullPlan(): Plan {
  const base = randomProblem(240, 8, 11);
  const plain = makePlan(base);
  const owner = new Map(plain.assignment.map((row) => [row.accountId, row.repId]));
  const accounts: Account[] = base.accounts.map((a, i) => {
    const rep = owner.get(a.id)!;
    const r = Number(rep.slice(1));
    return {
      ...a,
      currentRep: i % 5 === 0 ? `r${(r + 1) % 8}` : rep,
      attributes: { sales: Math.round((a.potential ?? 0) * (0.1 + 0.1 * r)), name: `Store ${i}` },
    };
  });
  const reps = base.reps.map((rep, r) => (r === 0 ? { ...rep, capacity: 10 } : rep));
  const problem: Problem = { accounts, reps };
  return makePlan(problem, accounts.map((a, i) => (i === 7 ? null : owner.get(a.id)!)), { lowerBound: 1 });
}

/** A plan without current reps or sales that keeps every rule, with a lower bound (`transport`). */
export function plainPlan(n = 120, m = 5): Plan {
  return align(randomProblem(n, m, 5), { strategy: "transport" });
}

/** The values of attribute `name` of every element matching `<tag …>` in the HTML. */
export function attributeValues(html: string, tag: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*?\\s${name}="([^"]*)"`, "g"))].map((m) => m[1]);
}

/** The JSON data a report page carries. */
export function pageData(html: string): any {
  const start = html.indexOf(`<script type="application/json" id="report-data">`);
  const from = html.indexOf(">", start) + 1;
  return JSON.parse(html.slice(from, html.indexOf("</script>", from)));
}
