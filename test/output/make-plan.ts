import { compileProblem } from "../../src/compile/compile.js";
import type { Plan } from "../../src/model/plan.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import type { Account, Problem, Rep } from "../../src/model/problem-schema.js";
import { finalizePlan } from "../../src/settle/finalize-plan.js";
import { settlePlan } from "../../src/settle/settle-plan.js";
import { createRandom } from "../../src/util/random.js";

/**
 * A plan for a hand-made assignment, independent of any solver: `owner[a]` is the rep id of
 * account a, or null to leave it unassigned; "nearest" gives each account its nearest rep home
 * (planar degrees). Metrics come from the library's own `finalizePlan`.
 */
export function makePlan(problem: Problem, owner: readonly (string | null)[] | "nearest" = "nearest", extras: { lowerBound?: number } = {}): Plan {
  const valid = parseProblem(problem);
  const options = resolveOptions({ strategy: "heuristic" });
  const compiled = compileProblem(valid, options);
  const repIndex = new Map(valid.reps.map((rep, r) => [rep.id, r]));
  const assign = new Int32Array(valid.accounts.length);
  valid.accounts.forEach((account, a) => {
    if (owner === "nearest") {
      let best = 0, bestD = Infinity;
      valid.reps.forEach((rep, r) => {
        const d = (rep.home[0] - account.location[0]) ** 2 + (rep.home[1] - account.location[1]) ** 2;
        if (d < bestD) (best = r), (bestD = d);
      });
      assign[a] = best;
    } else {
      const id = owner[a];
      assign[a] = id === null ? -1 : repIndex.get(id)!;
    }
  });
  const reasons = new Map<number, string>();
  assign.forEach((r, a) => r < 0 && reasons.set(a, "no eligible rep within reach"));
  const settled = settlePlan(valid, compiled, { assign, status: "feasible", unassignedReasons: reasons, lowerBound: extras.lowerBound }, { inputDiagnostics: [], stopped: () => false, repair: false });
  return finalizePlan(valid, compiled, settled, "heuristic", 12, options);
}

/** A seeded random problem: n accounts and m reps scattered over a box around Guadalajara. */
export function randomProblem(n: number, m: number, seed = 7): Problem {
  const random = createRandom(seed);
  const accounts: Account[] = Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    location: [-104 + random() * 3, 19 + random() * 2.5],
    workload: Math.round(Math.exp(random() * 2) * 10) / 10,
    potential: Math.round(random() * 1000),
  }));
  const total = accounts.reduce((s, a) => s + a.workload, 0);
  const reps: Rep[] = Array.from({ length: m }, (_, j) => ({
    id: `r${j}`,
    home: [-104 + random() * 3, 19 + random() * 2.5],
    capacity: Math.round((total / m) * 1.3),
  }));
  return { accounts, reps };
}
