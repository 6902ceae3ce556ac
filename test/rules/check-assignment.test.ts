import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import type { Account, Problem, Rep } from "../../src/model/problem-schema.js";
import { ruleNames, type RuleName } from "../../src/rules/violation.js";
import { FC_SEED } from "../support/arbitrary-problem.js";
import { plantedProblem } from "../support/planted-problem.js";

/**
 * Three reps 50 km apart, three accounts near each; loads 6 h each, capacity 10, band ±20 % (targets
 * 6 h, band [4.8, 7.2]). The clean assignment gives every account its nearest rep and breaks nothing.
 */
function base(): { problem: Problem; rows: Map<string, string> } {
  const reps: Rep[] = [
    { id: "west", home: [-103.0, 20.0], capacity: 10 },
    { id: "centre", home: [-102.5, 20.0], capacity: 10 },
    { id: "east", home: [-102.0, 20.0], capacity: 10 },
  ];
  const accounts: Account[] = [];
  const rows = new Map<string, string>();
  reps.forEach((rep, r) => {
    [1, 2, 3].forEach((w, k) => {
      const id = `${rep.id}-${k}`;
      accounts.push({ id, location: [rep.home[0] + 0.02 * (k - 1), rep.home[1] + 0.02], workload: w });
      rows.set(id, rep.id);
    });
  });
  return { problem: { accounts, reps }, rows };
}

const options = { balance: { workload: 0.2 } };

/** Each kind of break, planted alone: what it changes and the one violation it must cause. */
const breaks: Record<Exclude<RuleName, "unit_split" | "contiguity" | "disruption">, (problem: Problem, rows: Map<string, string>) => { accountId?: string; repId?: string; balance?: number }> = {
  capacity: (problem) => {
    // West's capacity just under its 6 h; a ±50 % band (targets scale with capacity) still holds it.
    problem.reps[0].capacity = 5.9;
    return { repId: "west", balance: 0.5 };
  },
  band: (problem) => {
    // West's 3 h account grows to 5.5 h: target 6.83 h, band [5.47, 8.2]; west carries 8.5 h.
    problem.accounts[2].workload = 5.5;
    return { repId: "west" };
  },
  segment: (problem) => {
    problem.reps[1].segments = ["hospital"];
    problem.accounts[4].segment = "retail";
    return { accountId: "centre-1", repId: "centre" };
  },
  region: (problem) => {
    problem.reps[2].region = "east";
    problem.accounts[7].region = "west";
    return { accountId: "east-1", repId: "east" };
  },
  lock: (problem) => {
    problem.accounts[0].lockedRep = "centre";
    return { accountId: "west-0", repId: "west" };
  },
  max_travel: (problem) => {
    problem.reps[0].maxTravelMinutes = 1;
    problem.accounts.forEach((a, i) => i > 0 && i < 3 && (a.location = [...problem.reps[0].home] as [number, number]));
    return { accountId: "west-0", repId: "west" };
  },
  unassigned: (problem, rows) => {
    // A zero-workload account, so that leaving it out moves no load.
    problem.accounts.push({ id: "new", location: [-102.5, 20.1], workload: 0 });
    void rows;
    return { accountId: "new" };
  },
};

describe("the rule checker through evaluate", () => {
  it("finds nothing wrong with the clean assignment", () => {
    const { problem, rows } = base();
    expect(evaluate(problem, rows, options).violations).toEqual([]);
  });

  it.each(Object.keys(breaks) as (keyof typeof breaks)[])("finds a planted %s break and nothing else", (rule) => {
    const { problem, rows } = base();
    const { balance, ...expected } = breaks[rule](problem, rows);
    const result = evaluate(problem, rows, balance !== undefined ? { balance: { workload: balance } } : options);
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatchObject({ rule, ...expected });
    expect(result.metrics.violations[rule]).toBe(1);
    expect(Object.values(result.metrics.violations).reduce((s, x) => s + x, 0)).toBe(1);
    if (expected.repId) expect(result.territories.find((t) => t.repId === expected.repId)!.violations[rule]).toBe(1);
    expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("finds every planted break when they come together, each once", () => {
    const { problem, rows } = base();
    const rules = ["segment", "region", "lock", "max_travel", "unassigned"] as const;
    for (const rule of rules) breaks[rule](problem, rows);
    const found = evaluate(problem, rows, options).violations.map((v) => v.rule).sort();
    expect(found).toEqual([...rules].sort());
  });

  it("reports the value and the limit of each break", () => {
    const { problem, rows } = base();
    problem.reps[0].capacity = 5.9;
    problem.reps[0].maxTravelMinutes = 2;
    const result = evaluate(problem, rows, { balance: { workload: 0.5 } });
    const capacity = result.violations.find((v) => v.rule === "capacity")!;
    expect(capacity.value).toBeCloseTo(6, 12);
    expect(capacity.limit).toBe(5.9);
    expect(capacity.accountId).toBeUndefined();
    for (const v of result.violations.filter((x) => x.rule === "max_travel")) {
      expect(v.value as number).toBeGreaterThan(2);
      expect(v.limit).toBe(2);
    }
  });

  it("keeps a trip equal to the travel limit, and a lock over a rule", () => {
    const { problem, rows } = base();
    const rep = problem.reps[0];
    const account = problem.accounts[0];
    const minutes = evaluate(problem, rows, options).territories[0].maxTravelMinutes;
    rep.maxTravelMinutes = minutes;
    rep.segments = ["hospital"];
    account.segment = "retail";
    account.lockedRep = "west";
    const result = evaluate(problem, rows, options);
    expect(result.violations.filter((v) => v.rule === "max_travel")).toEqual([]);
    expect(result.violations.filter((v) => v.accountId === account.id)).toEqual([]);
  });

  it("breaks nothing on planted assignments, and finds a single moved account exactly when it breaks a rule", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), fc.nat(), (seed, pickAccount, pickRep) => {
        const { problem, balance, planted } = plantedProblem(seed, "small");
        const rows = new Map(problem.accounts.map((a, i) => [a.id, planted[i]]));
        const band = { balance: { workload: balance } };
        expect(evaluate(problem, rows, band).violations).toEqual([]);
        const account = problem.accounts[pickAccount % problem.accounts.length];
        const rep = problem.reps[pickRep % problem.reps.length];
        rows.set(account.id, rep.id);
        const result = evaluate(problem, rows, band);
        for (const v of result.violations) expect(ruleNames).toContain(v.rule);
        // Every account-level break names the moved account; the others are loads of its two reps.
        for (const v of result.violations) {
          if (v.accountId !== undefined) expect(v.accountId).toBe(account.id);
          else expect([rep.id, planted[problem.accounts.indexOf(account)]]).toContain(v.repId);
        }
      }),
      { seed: FC_SEED, numRuns: 60 },
    );
  });
});
