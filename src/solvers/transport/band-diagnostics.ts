import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { inBand } from "../../evaluate/measure.js";
import type { Diagnostic } from "../../model/plan.js";
import { artificialPointsDown } from "./network-simplex.js";
import type { TransportLp } from "./transport-lp.js";

const hours = (x: number) => `${x.toLocaleString("en-US", { maximumFractionDigits: 1 })} h`;

function names(p: CompiledProblem): { rep: (j: number) => string; account: (a: number) => string } {
  return { rep: (j) => p.repIds[j], account: (a) => p.accountIds[a] };
}

/**
 * What makes the bands impossible: reps the LP cannot bring up to their lower end (no more
 * accounts they may serve), workload the reps' upper ends cannot absorb, and accounts larger
 * than half a band ("whales") sitting at a rep that ends outside its band.
 */
export function bandDiagnostics(p: CompiledProblem, lp: TransportLp, assign: Int32Array, infeasible: boolean): Diagnostic[] {
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
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0) load[assign[a]] += p.workload[a];
  const whales: number[] = [];
  for (let a = 0; a < p.n; a++) {
    const r = assign[a];
    if (r < 0 || inBand(p, r, load[r])) continue;
    if (p.workload[a] > (p.upper[r] - p.lower[r]) / 2) whales.push(a);
  }
  if (whales.length > 0) {
    const a = whales[0];
    out.push({
      severity: "warning",
      code: "whale_account",
      message: `${whales.length} account(s) are larger than half their rep's band and leave it outside the band, e.g. account ${name.account(a)} with ${hours(p.workload[a])} at rep ${name.rep(assign[a])} (band ${hours(p.lower[assign[a]])} – ${hours(p.upper[assign[a]])})`,
      accountIds: whales.map(name.account),
    });
  }
  return out;
}
