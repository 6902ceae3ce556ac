import highsLoader from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { bandsInstance } from "../../benchmarks/bands-instance.js";
import { highsTerritory } from "../../benchmarks/highs-territory-model.js";
import { align } from "../../src/align.js";
import { compileProblem } from "../../src/compile/compile.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import type { AlignOptions } from "../../src/model/options-schema.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { realignInstance } from "../../benchmarks/realign-instance.js";
import { tradeoff } from "../../src/realign/tradeoff.js";
import { createRandom } from "../../src/util/random.js";
import { errorOf } from "../support/error-of.js";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** A small instance with two or three bands of random widths (potential, account count, an attribute). */
function instance(seed: number): { problem: Problem; options: AlignOptions } {
  const random = createRandom(seed);
  const problem = bandsInstance({ accounts: 24 + Math.floor(30 * random()), reps: 3 + Math.floor(3 * random()), seed });
  const balance: Record<string, number> = { workload: 0.1 + 0.15 * random(), potential: 0.1 + 0.3 * random() };
  if (random() < 0.5) balance.accounts = 0.1 + 0.3 * random();
  else balance.revenue = 0.15 + 0.3 * random();
  return { problem, options: { balance, strategy: "transport" } };
}

describe("several hard bands against an exact MIP (HiGHS)", () => {
  it("holds every band when it says feasible, never says infeasible when a plan exists, and never bounds above the optimum", () => {
    const seen = { feasible: 0, infeasible: 0, found: 0 };
    for (let seed = 1; seed <= 30; seed++) {
      const { problem, options } = instance(seed);
      const p = compileProblem(parseProblem(problem), resolveOptions(options));
      const exact = highsTerritory(highs, p, true, 20);
      expect(exact.status, `seed ${seed}`).not.toBe("other");
      const plan = align(problem, options);
      const where = `seed ${seed}: ${JSON.stringify(options.balance)}, exact ${exact.status} ${exact.objective}, plan ${plan.status}`;
      // The plan's own rule list is the checker's, on every band.
      const audit = evaluate(problem, plan.assignment, options);
      expect(audit.violations.length, where).toBe(plan.violations.length);
      if (exact.status === "infeasible") {
        seen.infeasible++;
        expect(["infeasible", "unsolved"], where).toContain(plan.status);
        continue;
      }
      seen.feasible++;
      expect(plan.status, where).not.toBe("infeasible");
      if (plan.status === "feasible" || plan.status === "optimal") {
        seen.found++;
        expect(plan.violations, where).toEqual([]);
        expect(plan.metrics.objective, where).toBeGreaterThanOrEqual(exact.objective * (1 - 1e-6));
      }
      if (plan.bound) expect(plan.bound.lowerBound, where).toBeLessThanOrEqual(exact.objective * (1 + 1e-6) + 1e-6);
    }
    expect(seen.feasible).toBeGreaterThan(10);
    // Plans are found for nearly every instance that has one.
    expect(seen.found).toBeGreaterThanOrEqual(seen.feasible - 2);
  }, 240_000);

  it("stays within a few per cent of the LP with every band on a mid-size instance, with a bound below it", () => {
    const problem = bandsInstance({ accounts: 400, reps: 8, seed: 7 });
    const options: AlignOptions = { balance: { workload: 0.05, potential: 0.1, accounts: 0.15 } };
    const lp = highsTerritory(highs, compileProblem(parseProblem(problem), resolveOptions(options)), false, 60);
    expect(lp.status).toBe("optimal");
    const plan = align(problem, options);
    expect(plan.status).toBe("feasible");
    expect(plan.violations).toEqual([]);
    expect(plan.bound!.lowerBound).toBeLessThanOrEqual(lp.objective * (1 + 1e-6));
    expect(plan.bound!.lowerBound).toBeGreaterThan(lp.objective * 0.98);
    expect(plan.metrics.objective).toBeLessThan(lp.objective * 1.03);
    // The potential band costs travel: the plan without it is shorter.
    const free = align(problem, { balance: { workload: 0.05 } });
    expect(free.metrics.objective).toBeLessThan(plan.metrics.objective);
    expect(free.violations).toEqual([]);
    expect(evaluate(problem, free.assignment, options).violations.some((v) => v.rule === "band" && v.metric === "potential")).toBe(true);
  }, 120_000);

  it("proves bands that cannot hold together infeasible and names them", () => {
    // One rep is to hold 90 % of the potential with a third of the workload: no mix of accounts does that.
    const problem = bandsInstance({ accounts: 60, reps: 3, seed: 3 });
    const plan = align(problem, { balance: { workload: 0.05, potential: 0.02 }, targets: { potential: { R1: 0.9, R2: 0.05, R3: 0.05 } } });
    expect(plan.status).toBe("infeasible");
    const proof = plan.diagnostics.find((d) => d.code === "bands_conflict");
    expect(proof?.message).toMatch(/the bands on workload, potential cannot all hold/);
    // Not even ±99 % on potential alone mends it: R2 and R3 could then hold only 20 % of the potential.
    expect(proof?.message).toContain("balance.potential alone cannot mend it");
  });

  it("says how wide a band in conflict must be: narrower is ruled out, at the width it names a plan exists", () => {
    const problem = bandsInstance({ accounts: 60, reps: 3, seed: 3 });
    const targets = { potential: { R1: 0.75, R2: 0.125, R3: 0.125 } };
    const plan = align(problem, { balance: { workload: 0.05, potential: 0.02 }, targets });
    expect(plan.status).toBe("infeasible");
    const proof = plan.diagnostics.find((d) => d.code === "bands_conflict")!;
    const widen = proof.message.match(/balance\.potential must be wider than ±([\d.]+) % \(no certificate rules out ±([\d.]+) %/);
    expect(widen).not.toBeNull();
    const [below, above] = [Number(widen![1]) / 100, Number(widen![2]) / 100];
    expect(below).toBeGreaterThanOrEqual(0.02);
    expect(above).toBeGreaterThan(below);
    expect(align(problem, { balance: { workload: 0.05, potential: below }, targets }).status).toBe("infeasible");
    expect(["feasible", "optimal"]).toContain(align(problem, { balance: { workload: 0.05, potential: above + 0.01 }, targets }).status);
  });

  it("a counting proof says how wide the band must be at least", () => {
    // Rep R1 may serve only a third of the accounts but is to hold half the account count.
    const problem = bandsInstance({ accounts: 60, reps: 3, seed: 3 });
    const limited = { ...problem, accounts: problem.accounts.map((a, i) => ({ ...a, segment: i % 3 === 0 ? "s1" : "s2" })), reps: problem.reps.map((r, j) => ({ ...r, segments: j === 0 ? ["s1"] : ["s1", "s2"] })) };
    const plan = align(limited, { balance: { workload: 0.5, accounts: 0.1 }, targets: { accounts: { R1: 0.5, R2: 0.25, R3: 0.25 } } });
    expect(plan.status).toBe("infeasible");
    const proof = plan.diagnostics.find((d) => d.code === "bands_conflict");
    // R1 may reach 20 of the 30 accounts its target asks for: the band must be at least ±33.4 %.
    expect(proof?.message).toContain("widen balance.accounts to at least ±33.4 %");
  });

  it("says which bands it could not meet when it finds no plan", () => {
    const problem = bandsInstance({ accounts: 30, reps: 3, seed: 5 });
    const plan = align(problem, { balance: { workload: 0.002, potential: 0.002, accounts: 0.01 } });
    expect(["infeasible", "unsolved"]).toContain(plan.status);
    const messages = plan.diagnostics.filter((d) => d.severity === "error").map((d) => d.message).join("\n");
    expect(messages).toMatch(/band/);
  });
});

describe("bands with the realignment layer", () => {
  it("keeps the other bands in a band sweep of the trade-off", () => {
    const problem = bandsInstance({ accounts: 200, reps: 5, seed: 4 });
    const curve = tradeoff(problem, { balance: { workload: 0.1, potential: 0.2 } }, [{ band: 0.15 }, { band: 0.08 }]);
    for (const plan of curve.plans) {
      expect(plan.status).toBe("feasible");
      expect(plan.violations).toEqual([]);
      const audit = evaluate(problem, plan.assignment, { balance: { workload: 0.15, potential: 0.2 } });
      expect(audit.violations.filter((v) => v.metric === "potential")).toEqual([]);
    }
  });

  it("holds a band and a disruption budget together", () => {
    const problem = realignInstance({ accounts: 300, reps: 8, hires: 1, seed: 9 });
    const options: AlignOptions = { balance: { workload: 0.1, accounts: 0.2 }, disruption: { maxMovedShare: 0.3 } };
    const plan = align(problem, options);
    expect(plan.status).toBe("feasible");
    expect(plan.violations).toEqual([]);
    expect(plan.metrics.disruption.fractionMoved).toBeLessThanOrEqual(0.3 + 1e-9);
    const counts = plan.territories.map((t) => t.accountCount);
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(Math.floor((300 / 8) * 0.8) - 1);
  });
});

describe("bands: targets and bad input", () => {
  const problem = bandsInstance({ accounts: 40, reps: 4, seed: 11 });

  it("takes each rep's share of a metric from targets", () => {
    const shares = { R1: 0.4, R2: 0.2, R3: 0.2, R4: 0.2 };
    const plan = align(problem, { balance: { workload: 0.3, accounts: 0.25 }, targets: { accounts: shares } });
    expect(plan.violations).toEqual([]);
    const counts = Object.fromEntries(plan.territories.map((t) => [t.repId, t.accountCount]));
    expect(counts.R1).toBeGreaterThanOrEqual(Math.ceil(40 * 0.4 * 0.75));
    expect(counts.R2).toBeLessThanOrEqual(Math.floor(40 * 0.2 * 1.25));
  });

  it.each([
    [{ balance: { revenu: 0.1 } }, /options\.balance\.revenu: "revenu" is neither a metric \(workload, potential, accounts\) nor an attribute of the accounts/],
    [{ balance: { accounts: 0.1 }, targets: { accounts: { R9: 1 } } }, /options\.targets\.accounts\.R9: no rep has the id "R9"/],
    [{ balance: { accounts: 0.1 }, targets: { accounts: { R1: 0.5, R2: 0.3 } } }, /options\.targets\.accounts: the shares add up to 0\.8; they must add up to 1/],
    [{ targets: { potential: { R1: 1 } } }, /options\.targets\.potential: there is no band on "potential"/],
    [{ balance: { potential: 1.5 } }, /options\.balance\.potential/],
  ])("rejects %j naming the field", (options, message) => {
    expect(errorOf(() => align(problem, options as AlignOptions)).message).toMatch(message);
  });

  it("names the account whose attribute is not a number", () => {
    const accounts = problem.accounts.map((a, i) => (i === 5 ? { ...a, attributes: { revenue: "n/a" } } : a));
    expect(errorOf(() => align({ ...problem, accounts }, { balance: { revenue: 0.2 } })).message).toBe(
      'accounts[5].attributes.revenue: is "n/a" (account A6); options.balance.revenue needs a number ≥ 0 on every account',
    );
  });

  it("refuses bands besides workload where they are not kept", () => {
    expect(errorOf(() => align(problem, { balance: { potential: 0.2 }, strategy: "gap" })).message).toMatch(/bands besides workload are kept by the transport strategy only/);
  });
});
