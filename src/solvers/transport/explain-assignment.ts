import { compileProblem } from "../../compile/compile.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { ResolvedOptions } from "../../model/defaults.js";
import { TerralignError } from "../../errors.js";
import type { AlignOptions } from "../../model/options-schema.js";
import { parseProblem, resolveOptions } from "../../model/parse.js";
import type { Plan } from "../../model/plan.js";
import type { Problem } from "../../model/problem-schema.js";
import { createSolveContext } from "../solve-context.js";
import { isEligible } from "./great-circle.js";
import { runTransport } from "./solve-transport.js";

/** Why an account sits with its rep: its cost there against the best eligible alternative. */
export interface AccountExplanation {
  readonly accountId: string;
  readonly repId: string;
  /** One-way travel minutes from the rep's home. */
  readonly minutes: number;
  /** The rep's price λ, minutes per hour of workload (> 0: the rep is full; < 0: it needs work). */
  readonly repPrice: number;
  /** The cheapest other eligible rep at travel + price, or undefined when there is none. */
  readonly alternativeRepId?: string;
  readonly alternativeMinutes?: number;
  readonly alternativePrice?: number;
  /**
   * (alternative minutes + price) − (minutes + price): how much more, per hour of workload, the
   * account would cost elsewhere at the balance prices. Negative only where rounding or repair
   * kept an account away from its cheapest rep to hold the bands.
   */
  readonly marginMinutes?: number;
}

/** Rep prices and per-account explanations of a plan. */
export interface Explanation {
  /** Rep id → price λ in minutes per hour of workload (the transportation LP's duals). */
  readonly prices: ReadonlyMap<string, number>;
  readonly accounts: readonly AccountExplanation[];
}

/**
 * Explains a plan with the balance prices of the transportation LP (the plan's own `prices` when
 * it has them, else the LP is solved here with the same options): every rep's price, and for every assigned account its cost with its rep against
 * the cheapest other eligible rep, both at travel + price. Workload must not depend on the rep
 * (`workload.includeTravel` false).
 */
export function explainAssignment(problem: Problem, plan: Plan, options?: AlignOptions): Explanation {
  const valid = parseProblem(problem);
  const resolved = resolveOptions(options);
  if (resolved.workload.includeTravel) {
    throw new TerralignError("unsupported", "options.workload.includeTravel: explanations use the transportation LP's prices, which need workload that does not depend on the rep");
  }
  const p = compileProblem(valid, resolved);
  const lpPrices = plan.prices?.length === p.m ? Float64Array.from(plan.prices, (price) => price.minutesPerHour) : solvePrices(p, resolved);
  const prices = new Map(valid.reps.map((rep, j) => [rep.id, lpPrices[j]]));
  const repIndex = new Map(valid.reps.map((rep, j) => [rep.id, j]));
  const accountIndex = new Map(valid.accounts.map((account, a) => [account.id, a]));
  const accounts: AccountExplanation[] = [];
  for (const row of plan.assignment) {
    const a = accountIndex.get(row.accountId);
    const r = repIndex.get(row.repId);
    if (a === undefined || r === undefined) throw new TerralignError("unknown_reference", `plan.assignment: ${row.accountId} → ${row.repId} does not match the problem`);
    const minutes = p.travel(r, a);
    let alternative = -1, alternativeMinutes = 0, best = Infinity;
    for (let j = 0; j < p.m; j++) {
      if (j === r) continue;
      const t = p.travel(j, a);
      if (!isEligible(p, j, a, t) || p.lockedRep[a] >= 0) continue;
      if (t + lpPrices[j] < best) {
        best = t + lpPrices[j];
        alternative = j;
        alternativeMinutes = t;
      }
    }
    accounts.push({
      accountId: row.accountId,
      repId: row.repId,
      minutes,
      repPrice: lpPrices[r],
      ...(alternative >= 0
        ? {
            alternativeRepId: valid.reps[alternative].id,
            alternativeMinutes,
            alternativePrice: lpPrices[alternative],
            marginMinutes: best - (minutes + lpPrices[r]),
          }
        : {}),
    });
  }
  return { prices, accounts };
}

function solvePrices(p: CompiledProblem, options: ResolvedOptions): Float64Array {
  const none = { start: new Int32Array(p.n + 1), rep: new Int32Array(0), minutes: new Float64Array(0) };
  return runTransport({ problem: p, candidates: none, options, context: createSolveContext(options) }).prices;
}
