import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { Diagnostic } from "../../model/plan.js";
import { artificialPointsDown } from "./network-simplex.js";
import type { TransportLp } from "./transport-lp.js";

const hours = (x: number) => `${x.toLocaleString("en-US", { maximumFractionDigits: 1 })} h`;

function names(p: CompiledProblem): { rep: (j: number) => string; account: (a: number) => string } {
  return { rep: (j) => p.repIds[j], account: (a) => p.accountIds[a] };
}

/**
 * What makes the bands impossible: reps the LP cannot bring up to their lower end (no more
 * accounts they may serve), and workload the reps' upper ends cannot absorb.
 */
export function bandDiagnostics(p: CompiledProblem, lp: TransportLp, infeasible: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const name = names(p);
  if (infeasible) {
    const s = lp.simplex;
    const short: number[] = [];
    let shortHours = 0;
    for (let j = 0; j < p.m; j++) {
      const node = lp.supplyCount + j;
      if (s.flow[node] > 0 && artificialPointsDown(s, node)) {
        short.push(j);
        shortHours += s.flow[node] / lp.unitsPerHour;
      }
    }
    if (short.length > 0) {
      out.push({
        severity: "error",
        code: "band_infeasible",
        message: `${short.length} rep(s) cannot reach the bottom of their band: the accounts they may serve fall ${hours(shortHours)} short in total (e.g. rep ${name.rep(short[0])})`,
        repIds: short.map(name.rep),
      });
    }
    const sinkShort = s.flow[lp.sink] > 0 && artificialPointsDown(s, lp.sink) ? s.flow[lp.sink] / lp.unitsPerHour : 0;
    if (sinkShort > 0) {
      const full: number[] = [];
      for (let j = 0; j < p.m; j++) if (s.flow[s.nodeCount + j] >= s.capacity[s.nodeCount + j]) full.push(j);
      out.push({
        severity: "error",
        code: "band_infeasible",
        message: `${hours(sinkShort)} of workload does not fit under the top of the bands of the reps that may serve it; ${full.length} rep(s) are full`,
        repIds: full.map(name.rep),
      });
    }
  }
  return out;
}
