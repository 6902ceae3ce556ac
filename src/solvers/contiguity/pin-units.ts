import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { haversineKm } from "../../geo/haversine.js";
import type { Diagnostic } from "../../model/plan.js";
import type { Problem } from "../../model/problem-schema.js";

/** Which units are fixed to which rep, and where each rep's territory is anchored. */
export interface Pins {
  /** Rep that unit u must belong to, or −1; length U. */
  readonly pin: Int32Array;
  /** Anchor unit per rep, or −1 when there are fewer free units than reps; length m. */
  readonly anchor: Int32Array;
  readonly diagnostics: Diagnostic[];
}

/**
 * Fixes units to reps:
 * 1. A unit holding accounts locked to a rep belongs to that rep. When one unit holds accounts
 *    locked to several reps, the rep with the most locked workload there (then the most locked
 *    accounts, then the lowest index) gets it, and an error names the locks that cannot hold.
 * 2. With `withAnchors` (contiguity), each rep's home unit (the unit containing `home`; the nearest one when outside every unit)
 *    anchors its territory. When that unit is locked to another rep or is the home unit of an
 *    earlier rep (input order), the rep is anchored at the free unit whose centroid is nearest to
 *    its home instead, with a warning.
 */
export function pinUnits(
  problem: Problem,
  p: CompiledProblem,
  unitIds: readonly string[],
  unitOf: Int32Array,
  homeUnit: Int32Array,
  centroidLng: Float64Array,
  centroidLat: Float64Array,
  withAnchors: boolean,
): Pins {
  const U = unitIds.length;
  const pin = new Int32Array(U).fill(-1);
  const anchor = new Int32Array(p.m).fill(-1);
  const diagnostics: Diagnostic[] = [];

  const locks = new Map<number, Map<number, { hours: number; accounts: number[] }>>();
  for (let a = 0; a < p.n; a++) {
    const r = p.lockedRep[a], u = unitOf[a];
    if (r < 0 || u < 0) continue;
    const byRep = locks.get(u) ?? new Map();
    locks.set(u, byRep);
    const entry = byRep.get(r) ?? { hours: 0, accounts: [] };
    byRep.set(r, entry);
    entry.hours += p.workload[a];
    entry.accounts.push(a);
  }
  for (const [u, byRep] of [...locks].sort((x, y) => x[0] - y[0])) {
    const ranked = [...byRep].sort((x, y) => y[1].hours - x[1].hours || y[1].accounts.length - x[1].accounts.length || x[0] - y[0]);
    pin[u] = ranked[0][0];
    if (ranked.length > 1) {
      const broken = ranked.slice(1).flatMap(([, e]) => e.accounts.map((a) => problem.accounts[a].id));
      diagnostics.push({
        severity: "error",
        code: "unit_lock_conflict",
        message: `unit ${unitIds[u]} holds accounts locked to ${ranked.length} different reps; it goes to ${problem.reps[ranked[0][0]].id}, so ${broken.length} lock(s) cannot hold, e.g. account ${broken[0]}`,
        accountIds: broken,
        repIds: ranked.map(([r]) => problem.reps[r].id),
      });
    }
  }

  if (!withAnchors) return { pin, anchor, diagnostics };
  const displaced: number[] = [];
  for (let r = 0; r < p.m; r++) {
    const h = homeUnit[r];
    if (h >= 0 && (pin[h] < 0 || pin[h] === r)) {
      pin[h] = r;
      anchor[r] = h;
    } else {
      displaced.push(r);
    }
  }
  for (const r of displaced) {
    const h = homeUnit[r];
    let best = -1, bestKm = Infinity;
    for (let u = 0; u < U; u++) {
      if (pin[u] >= 0) continue;
      const km = haversineKm(p.repLng[r], p.repLat[r], centroidLng[u], centroidLat[u]);
      if (km < bestKm) {
        bestKm = km;
        best = u;
      }
    }
    const rep = problem.reps[r].id;
    if (best < 0) {
      diagnostics.push({ severity: "error", code: "too_few_units", message: `rep ${rep} gets no unit: there are more reps than free units (${U} units)`, repIds: [rep] });
      continue;
    }
    pin[best] = r;
    anchor[r] = best;
    const holder = h >= 0 ? pin[h] : -1;
    const why = holder >= 0 && anchor[holder] === h ? `is the home unit of rep ${problem.reps[holder].id}` : "holds accounts locked to another rep";
    diagnostics.push({
      severity: "warning",
      code: "home_unit_taken",
      message: `rep ${rep}'s home unit ${unitIds[h]} ${why}; ${rep}'s territory is anchored at unit ${unitIds[best]} instead`,
      repIds: [rep],
    });
  }
  return { pin, anchor, diagnostics };
}
