import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { changeArcCosts, setArtificialCost } from "../transport/simplex-basis.js";
import { addTransportArc, buildTransportLp, repPrices, solveTransportLp, type TransportLp } from "../transport/transport-lp.js";
import type { BandRows } from "./band-rows.js";
import type { PairTable } from "./pair-table.js";

/**
 * The side rows (bands besides workload, and the budgets) priced into the transportation LP:
 * row k of rep r costs μ[k][r] per normalised unit of its metric and budget q costs δ[q] per unit
 * used, so an arc a → r costs travel + (Σ_k μ[k][r]·value[k][a] + Σ_q δ[q]·coef[q][a]·[r ≠ current
 * rep]) / workload[a] per hour. The workload band stays in the network, exactly. Each priced
 * solve gives a Lagrangian lower bound over every eligible rep (valid for any μ, δ), the LP's
 * fractional assignment and, through the loads, a subgradient.
 */
export class BandDual {
  readonly lp: TransportLp;
  /** Accounts with workload in the LP (supply nodes) and accounts without (placed at their cheapest priced rep). */
  readonly supplied: Int32Array;
  private readonly weightless: Int32Array;
  private readonly arcAccount: number[] = [];
  private readonly arcRep: number[] = [];
  private readonly arcMinutes: number[] = [];
  private readonly arcsOf: number[][];
  private readonly firstArc: number;
  private readonly nodeOf: Int32Array;
  /** Multipliers: μ[k][r] for rows 1.. (row 0, workload, is in the network), δ[q] for budgets. */
  readonly mu: Float64Array[];
  readonly delta: Float64Array;
  /** 1 for the real objective; 0 for phase one (is there any plan inside every band?). */
  travelWeight = 1;
  private average = new Float64Array(0);
  private averaged = 0;

  constructor(
    private readonly p: CompiledProblem,
    c: Candidates,
    private readonly rows: BandRows,
    private readonly pairs: PairTable,
    start: Int32Array,
  ) {
    const supplied: number[] = [];
    const weightless: number[] = [];
    for (let a = 0; a < p.n; a++) {
      if (c.start[a + 1] === c.start[a]) continue;
      (p.workload[a] > 0 ? supplied : weightless).push(a);
    }
    this.supplied = Int32Array.from(supplied);
    this.weightless = Int32Array.from(weightless);
    this.nodeOf = new Int32Array(p.n).fill(-1);
    const S = supplied.length;
    const arcStart = new Int32Array(S + 1);
    const begin = new Int32Array(S).fill(-1);
    this.arcsOf = [];
    for (let i = 0; i < S; i++) {
      const a = supplied[i];
      this.nodeOf[a] = i;
      const mine: number[] = [];
      for (let t = c.start[a]; t < c.start[a + 1]; t++) {
        if (c.rep[t] === start[a]) begin[i] = c.rep[t];
        mine.push(this.arcRep.length);
        this.arcAccount.push(a);
        this.arcRep.push(c.rep[t]);
        this.arcMinutes.push(c.minutes[t]);
      }
      this.arcsOf.push(mine);
      arcStart[i + 1] = this.arcRep.length;
    }
    const supply = Float64Array.from(supplied, (a) => p.workload[a]);
    this.lp = buildTransportLp({ supply, lower: p.lower, upper: p.upper, arcStart, arcRep: Int32Array.from(this.arcRep), arcCost: Float64Array.from(this.arcMinutes), start: begin });
    this.firstArc = this.lp.simplex.nodeCount + p.m;
    this.mu = rows.value.map(() => new Float64Array(p.m));
    this.delta = new Float64Array(p.budgets.length);
  }

  private minutesOf(r: number, a: number): number {
    return this.pairs.minutes(r, a);
  }

  /** The side rows' price of giving account a to rep r (objective units). */
  private sidePrice(r: number, a: number): number {
    const { p, rows } = this;
    let d = 0;
    for (let k = 1; k < rows.count; k++) d += this.mu[k][r] * rows.value[k][a];
    const pref = p.currentRep[a];
    if (pref >= 0 && r !== pref) for (let q = 0; q < p.budgets.length; q++) d += this.delta[q] * p.budgets[q].coef[a];
    return d;
  }

  /** Sets every arc's cost from the current multipliers and re-solves from the last basis. */
  solve(stop?: () => boolean): void {
    const { p, lp } = this;
    const count = this.arcRep.length;
    const ids = new Int32Array(count);
    const costs = new Float64Array(count);
    let most = 0;
    for (let e = 0; e < count; e++) {
      const a = this.arcAccount[e];
      ids[e] = this.firstArc + e;
      costs[e] = this.travelWeight * this.arcMinutes[e] + this.sidePrice(this.arcRep[e], a) / p.workload[a];
      if (Math.abs(costs[e]) > most) most = Math.abs(costs[e]);
    }
    if (most > lp.costLimit) {
      lp.costLimit = 4 * most;
      setArtificialCost(lp.simplex, (lp.costLimit + 1) * (2 * lp.repCount + 8));
    }
    changeArcCosts(lp.simplex, ids, costs);
    solveTransportLp(lp, stop);
  }

  /** Whether the last solve kept every workload band (no artificial flow). */
  bandsHeld(): boolean {
    const s = this.lp.simplex;
    for (let u = 0; u < s.nodeCount; u++) if (s.flow[u] > 0) return false;
    return true;
  }

  /**
   * The Lagrangian bound at the LP's rep prices and the current multipliers, every account at its
   * cheapest eligible rep; appends the arc of each account whose cheapest rep the LP lacks (so the
   * next solve prices it). Returns the bound and the number of arcs added.
   */
  bound(): { bound: number; added: number } {
    const { p, rows } = this;
    const lambda = repPrices(this.lp);
    let total = 0;
    let added = 0;
    for (let a = 0; a < p.n; a++) {
      const w = p.workload[a];
      let best = Infinity;
      let bestRep = -1;
      for (let r = 0; r < p.m; r++) {
        const t = this.minutesOf(r, a);
        if (Number.isNaN(t)) continue;
        const v = w * (this.travelWeight * t + lambda[r]) + this.sidePrice(r, a);
        if (v < best) {
          best = v;
          bestRep = r;
        }
      }
      if (bestRep < 0) continue;
      total += best;
      const i = this.nodeOf[a];
      if (i >= 0 && !this.arcsOf[i].some((e) => this.arcRep[e] === bestRep)) {
        const own = Math.min(...this.arcsOf[i].map((e) => w * (this.travelWeight * this.arcMinutes[e] + lambda[this.arcRep[e]]) + this.sidePrice(this.arcRep[e], a)));
        if (best < own - 1e-9 * Math.max(1, Math.abs(own))) {
          this.addArc(i, a, bestRep);
          added++;
        }
      }
    }
    for (let r = 0; r < p.m; r++) {
      const l = lambda[r];
      total -= l > 0 ? l * p.upper[r] : l * p.lower[r];
    }
    for (let k = 1; k < rows.count; k++) {
      for (let r = 0; r < p.m; r++) {
        const u = this.mu[k][r];
        total -= u > 0 ? u * rows.upper[k][r] : u * rows.lower[k][r];
      }
    }
    // Budget q: δ_q · (Σ coef over moved accounts − limit); the first part is in the arc prices.
    for (let q = 0; q < p.budgets.length; q++) total -= this.delta[q] * p.budgets[q].limit;
    return { bound: total, added };
  }

  private addArc(i: number, a: number, r: number): void {
    const e = this.arcRep.length;
    const minutes = this.minutesOf(r, a);
    this.arcAccount.push(a);
    this.arcRep.push(r);
    this.arcMinutes.push(minutes);
    this.arcsOf[i].push(e);
    addTransportArc(this.lp, i, r, this.travelWeight * minutes + this.sidePrice(r, a) / this.p.workload[a]);
  }

  /**
   * Row loads and budget use of the LP's fractional assignment (accounts without workload at their
   * cheapest priced eligible rep), and that assignment rounded: each account to its arc with the
   * most flow.
   */
  fractional(): { loads: Float64Array[]; used: Float64Array; rounded: Int32Array } {
    const { p, rows, lp } = this;
    const s = lp.simplex;
    const loads = rows.value.map(() => new Float64Array(p.m));
    const rounded = new Int32Array(p.n).fill(-1);
    const most = new Float64Array(p.n);
    const stay = new Float64Array(p.n);
    for (let e = 0; e < this.arcRep.length; e++) {
      const flow = s.flow[this.firstArc + e];
      if (flow <= 0) continue;
      const a = this.arcAccount[e];
      const r = this.arcRep[e];
      const x = flow / lp.unitsPerHour / p.workload[a];
      for (let k = 0; k < rows.count; k++) loads[k][r] += x * rows.value[k][a];
      if (r === p.currentRep[a]) stay[a] += x;
      if (x > most[a]) {
        most[a] = x;
        rounded[a] = r;
      }
    }
    for (const a of this.weightless) {
      let best = Infinity;
      for (let r = 0; r < p.m; r++) {
        const t = this.minutesOf(r, a);
        if (Number.isNaN(t)) continue;
        const v = this.sidePrice(r, a);
        if (v < best) {
          best = v;
          rounded[a] = r;
        }
      }
      for (let k = 0; k < rows.count; k++) loads[k][rounded[a]] += rows.value[k][a];
      if (rounded[a] === p.currentRep[a]) stay[a] = 1;
    }
    const used = new Float64Array(p.budgets.length);
    for (let a = 0; a < p.n; a++) {
      if (p.currentRep[a] < 0) continue;
      for (let q = 0; q < p.budgets.length; q++) used[q] += p.budgets[q].coef[a] * (1 - Math.min(1, stay[a]));
    }
    return { loads, used, rounded };
  }

  /**
   * Adds the LP's assignment to the running average of all assignments so far
   * (the average of subgradient iterates tends to an optimum of the LP with every side row, where
   * single iterates jump between vertices).
   */
  accumulate(): void {
    const { p, lp } = this;
    const s = lp.simplex;
    const count = this.arcRep.length;
    if (this.average.length < count) {
      const grown = new Float64Array(Math.max(count, 2 * this.average.length));
      grown.set(this.average);
      this.average = grown;
    }
    this.averaged++;
    const keep = (this.averaged - 1) / this.averaged;
    for (let e = 0; e < count; e++) {
      const x = s.flow[this.firstArc + e] / lp.unitsPerHour / p.workload[this.arcAccount[e]];
      this.average[e] = keep * this.average[e] + x / this.averaged;
    }
  }

  /** The averaged assignment rounded: each account to its arc of most average flow (`rounded` from `fractional` for the rest). */
  roundedAverage(rounded: Int32Array): Int32Array {
    const out = Int32Array.from(rounded);
    const most = new Float64Array(this.p.n);
    for (let e = 0; e < this.arcRep.length && e < this.average.length; e++) {
      const a = this.arcAccount[e];
      if (this.average[e] > most[a]) {
        most[a] = this.average[e];
        out[a] = this.arcRep[e];
      }
    }
    return out;
  }

  /** Σ workload × travel over accounts that some rep may serve, at their dearest eligible rep: no plan costs more. */
  dearestObjective(): number {
    const { p } = this;
    let total = 0;
    for (let a = 0; a < p.n; a++) {
      let most = 0;
      for (let r = 0; r < p.m; r++) {
        const t = this.minutesOf(r, a);
        if (!Number.isNaN(t) && t > most) most = t;
      }
      total += p.workload[a] * most;
    }
    return total;
  }
}
