import { budgetUsed } from "../../compile/budgets.js";
import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { outside, rowLoads, totalOutside, type BandRows } from "./band-rows.js";
import type { PairTable } from "./pair-table.js";

/** Violation below this (normalised units) counts as none; far below any account's share of a band. */
const CLEAN = 1e-9;
/** Members of a rep looked at as swap partners for one account. */
const SWAP_PARTNERS = 60;
/** Members of a rep looked at when trading an account into it to cut travel. */
const TRADE_PARTNERS = 150;
/** Accounts of a rep out of band tried in swaps, and nearest reps tried for each. */
const SWAP_ACCOUNTS = 40;
const SWAP_REPS = 8;
/** Repair rounds per rep without a new least (plain) violation after which the repair gives up. */
const STALL_PER_REP = 20;
/** Largest weight a row's violation gets in the repair. */
const MAX_WEIGHT = 64;
/** Among moves that cut the violation by at least this share of the best cut, the cheapest is taken. */
const NEAR_BEST = 0.5;

/**
 * An assignment with per-row loads, member lists and budget use, for local search over every band
 * (and the budgets) at once. Moves stay on candidate arcs; locked accounts never move.
 */
export class BandSearch {
  readonly assign: Int32Array;
  readonly loads: Float64Array[];
  private readonly members: number[][];
  private readonly slot: Int32Array;
  /** Accounts that have rep r among their candidates. */
  private readonly near: Int32Array[];
  /** Budget left per budget (limit − used); may be negative for a start that breaks a budget. */
  readonly room: Float64Array;
  cost = 0;
  /** Rounds of `repair` done (each a look for a move or swap). */
  rounds = 0;
  private readonly moves = new MoveList();
  /** Weight of each row k of rep r (index k·m + r) in the violation the repair cuts (kept from one call to the next). */
  private readonly weight: Float64Array;

  constructor(
    private readonly p: CompiledProblem,
    private readonly c: Candidates,
    private readonly rows: BandRows,
    private readonly pairs: PairTable,
    start: Int32Array,
  ) {
    this.assign = Int32Array.from(start);
    this.weight = new Float64Array(rows.count * p.m).fill(1);
    this.loads = rowLoads(rows, p.m, this.assign);
    this.members = Array.from({ length: p.m }, () => []);
    this.slot = new Int32Array(p.n).fill(-1);
    const nearCount = new Int32Array(p.m);
    for (let t = 0; t < c.rep.length; t++) nearCount[c.rep[t]]++;
    this.near = Array.from(nearCount, (k) => new Int32Array(k));
    nearCount.fill(0);
    for (let a = 0; a < p.n; a++) for (let t = c.start[a]; t < c.start[a + 1]; t++) this.near[c.rep[t]][nearCount[c.rep[t]]++] = a;
    this.room = Float64Array.from(p.budgets, (b) => b.limit - budgetUsed(b, p.currentRep, this.assign));
    for (let a = 0; a < p.n; a++) {
      const r = this.assign[a];
      if (r < 0) continue;
      this.slot[a] = this.members[r].length;
      this.members[r].push(a);
      this.cost += p.workload[a] * this.minutes(r, a);
    }
  }

  /** Σ over rows and reps of the distance outside the window. */
  violation(): number {
    return totalOutside(this.rows, this.loads);
  }

  /** Change of the violation if account a went from its rep to `to` (−1 for none). */
  private deltaOutside(a: number, from: number, to: number): number {
    const { rows, loads } = this;
    let d = 0;
    for (let k = 0; k < rows.count; k++) {
      const v = rows.value[k][a];
      if (v === 0) continue;
      if (from >= 0) d += this.weight[k * this.p.m + from] * (outside(rows, k, from, loads[k][from] - v) - outside(rows, k, from, loads[k][from]));
      if (to >= 0) d += this.weight[k * this.p.m + to] * (outside(rows, k, to, loads[k][to] + v) - outside(rows, k, to, loads[k][to]));
    }
    return d;
  }

  /** Change of each budget's use if account a went from `from` to `to`; whether every budget keeps room. */
  private affordable(a: number, from: number, to: number, b?: number, bFrom?: number, bTo?: number): boolean {
    const { p } = this;
    for (let q = 0; q < p.budgets.length; q++) {
      const coef = p.budgets[q].coef;
      const pref = p.currentRep;
      let d = coef[a] * ((to !== pref[a] ? 1 : 0) - (from !== pref[a] ? 1 : 0));
      if (b !== undefined) d += coef[b] * ((bTo! !== pref[b] ? 1 : 0) - (bFrom! !== pref[b] ? 1 : 0));
      if (d > 0 && d > this.room[q] + 1e-9 * Math.max(1, p.budgets[q].limit)) return false;
    }
    return true;
  }

  /** Books the change of budget use when account a goes from `from` to `to` (−1, none, counts as moved). */
  private spend(a: number, from: number, to: number): void {
    const { p } = this;
    const pref = p.currentRep[a];
    if (pref < 0) return;
    for (let q = 0; q < p.budgets.length; q++) this.room[q] -= p.budgets[q].coef[a] * ((to !== pref ? 1 : 0) - (from !== pref ? 1 : 0));
  }

  /** Moves account a to rep `to`. */
  move(a: number, to: number): void {
    const { p, rows, loads, members, slot } = this;
    const from = this.assign[a];
    if (from === to) return;
    if (from >= 0) {
      const list = members[from];
      const last = list.pop()!;
      if (last !== a) {
        list[slot[a]] = last;
        slot[last] = slot[a];
      }
      for (let k = 0; k < rows.count; k++) loads[k][from] -= rows.value[k][a];
      this.cost -= p.workload[a] * this.minutes(from, a);
    }
    this.spend(a, from, to);
    this.assign[a] = to;
    slot[a] = members[to].length;
    members[to].push(a);
    for (let k = 0; k < rows.count; k++) loads[k][to] += rows.value[k][a];
    this.cost += p.workload[a] * this.minutes(to, a);
  }

  private movable(a: number): boolean {
    return this.p.lockedRep[a] < 0;
  }

  /**
   * Moves and swaps that bring loads into their windows, the worst row first: single moves out of
   * (or into) the rep, else swaps with a neighbouring rep. Among moves that cut the violation by
   * at least half the best cut, the one that adds least travel. A row that no move or swap mends
   * weighs double in the violation from then on (up to `MAX_WEIGHT`), so that a move mending it
   * at a smaller cost to other rows counts as a cut: those rows are mended next, which makes
   * chains of moves across reps (a breakout local search). At most `rounds` moves or swaps, and
   * none once `STALL_PER_REP` × m of them have not lowered the plain violation below its least; a
   * second call goes on where the first stopped. Returns the violation left (unweighted).
   */
  repair(stop: () => boolean, rounds: number): number {
    const { p, rows, c } = this;
    const stuck = new Uint8Array(rows.count * p.m);
    // The least plain violation so far and the rounds since: a weighted search may trade plain
    // violation away, so it stops once it has gone `STALL_PER_REP` × m rounds without a new least.
    let least = Infinity;
    let sinceLeast = 0;
    for (let round = 0; round < rounds && !stop(); round++, this.rounds++) {
      // The worst violated row that is not stuck.
      let worstK = -1;
      let worstR = -1;
      let worst = CLEAN;
      let plain = 0;
      for (let k = 0; k < rows.count; k++) {
        for (let r = 0; r < p.m; r++) {
          const out = outside(rows, k, r, this.loads[k][r]);
          plain += out;
          const o = this.weight[k * p.m + r] * out;
          if (o > worst && !stuck[k * p.m + r]) {
            worst = o;
            worstK = k;
            worstR = r;
          }
        }
      }
      if (worstK < 0) break;
      if (plain < least * (1 - 1e-9)) (least = plain), (sinceLeast = 0);
      else if (++sinceLeast > STALL_PER_REP * p.m) break;
      const over = this.loads[worstK][worstR] > rows.upper[worstK][worstR];
      const moves = this.moves;
      moves.clear();
      const consider = (a: number, to: number) => {
        const from = this.assign[a];
        if (to === from || !this.movable(a)) return;
        const dv = this.deltaOutside(a, from, to);
        if (dv >= -CLEAN || !this.affordable(a, from, to)) return;
        moves.add(a, to, dv, p.workload[a] * (this.minutes(to, a) - (from >= 0 ? this.minutes(from, a) : 0)));
      };
      if (over) {
        for (const a of this.members[worstR]) if (rows.value[worstK][a] > 0) for (let t = c.start[a]; t < c.start[a + 1]; t++) consider(a, c.rep[t]);
      } else {
        for (const a of this.near[worstR]) if (rows.value[worstK][a] > 0 && this.assign[a] !== worstR) consider(a, worstR);
      }
      const pick = moves.nearBest();
      if (pick >= 0) {
        this.move(moves.first[pick], moves.second[pick]);
        stuck.fill(0);
        continue;
      }
      if (this.swapFor(worstK, worstR, over)) {
        stuck.fill(0);
        continue;
      }
      // No move cuts the weighted violation: weigh this row more, so that a move that mends it at a
      // smaller cost to other rows counts as a cut (those rows are mended in turn: a chain of moves).
      if (this.weight[worstK * p.m + worstR] < MAX_WEIGHT) this.weight[worstK * p.m + worstR] *= 2;
      else stuck[worstK * p.m + worstR] = 1;
    }
    return this.violation();
  }

  /**
   * The swap that cuts the violation of row k at rep r (a at r, the accounts that weigh most in
   * the row's direction first, with b at one of a's nearest reps), applied; whether one was found.
   */
  private swapFor(k: number, r: number, over: boolean): boolean {
    const { p, rows, c } = this;
    const value = rows.value[k];
    const own = this.members[r].filter((a) => this.movable(a));
    own.sort((x, y) => (over ? value[y] - value[x] : value[x] - value[y]) || x - y);
    const swaps = this.moves;
    swaps.clear();
    for (let i = 0; i < Math.min(own.length, SWAP_ACCOUNTS); i++) {
      const a = own[i];
      const va = value[a];
      for (let t = c.start[a], seen = 0; t < c.start[a + 1] && seen < SWAP_REPS; t++) {
        const s = c.rep[t];
        if (s === r) continue;
        seen++;
        const list = this.members[s];
        const stride = Math.max(1, Math.floor(list.length / SWAP_PARTNERS));
        for (let j = 0; j < list.length; j += stride) {
          const b = list[j];
          if (!this.movable(b) || (over ? value[b] >= va : value[b] <= va) || !this.hasArc(b, r)) continue;
          const dv = this.deltaSwap(a, r, b, s);
          if (dv >= -CLEAN || !this.affordable(a, r, s, b, s, r)) continue;
          swaps.add(a, b, dv, p.workload[a] * (this.minutes(s, a) - this.minutes(r, a)) + p.workload[b] * (this.minutes(r, b) - this.minutes(s, b)));
        }
      }
    }
    const pick = swaps.nearBest();
    if (pick < 0) return false;
    const a = swaps.first[pick];
    const b = swaps.second[pick];
    const s = this.assign[b];
    this.move(a, s);
    this.move(b, r);
    return true;
  }

  /** Change of the violation if a (at r) and b (at s) traded places. */
  private deltaSwap(a: number, r: number, b: number, s: number): number {
    const { rows, loads } = this;
    let d = 0;
    for (let k = 0; k < rows.count; k++) {
      const diff = rows.value[k][b] - rows.value[k][a];
      if (diff === 0) continue;
      d += this.weight[k * this.p.m + r] * (outside(rows, k, r, loads[k][r] + diff) - outside(rows, k, r, loads[k][r]));
      d += this.weight[k * this.p.m + s] * (outside(rows, k, s, loads[k][s] - diff) - outside(rows, k, s, loads[k][s]));
    }
    return d;
  }

  /**
   * Travel-cutting moves and swaps that keep every row inside its window and every budget: each
   * account to its cheapest candidate where that keeps the windows, else traded with an account of
   * that rep. Passes until one gains less than 1e-6 of the cost, or `passes` of them.
   */
  improve(stop: () => boolean, passes = 6, partners = TRADE_PARTNERS, reps = SWAP_REPS): void {
    const { p, c } = this;
    for (let pass = 0; pass < passes && !stop(); pass++) {
      const before = this.cost;
      for (let a = 0; a < p.n && !stop(); a++) {
        const r = this.assign[a];
        if (r < 0 || !this.movable(a)) continue;
        const here = this.minutes(r, a);
        for (let t = c.start[a]; t < Math.min(c.start[a + 1], c.start[a] + reps); t++) {
          const s = c.rep[t];
          if (c.minutes[t] >= here) break;
          if (this.deltaOutside(a, r, s) <= CLEAN && this.keepsWindows(a, r, s) && this.affordable(a, r, s)) {
            this.move(a, s);
            break;
          }
          if (this.tradeInto(a, r, s, partners)) break;
        }
      }
      if (before - this.cost <= 1e-6 * Math.abs(before)) break;
    }
  }

  /** Trades a (at r) for an account of s that is cheaper at r than a is at s, windows and budgets kept; whether done. */
  private tradeInto(a: number, r: number, s: number, partners: number): boolean {
    const { p } = this;
    const gain = p.workload[a] * (this.minutes(r, a) - this.minutes(s, a));
    const list = this.members[s];
    const step = Math.max(1, Math.floor(list.length / partners));
    let best = -1;
    let bestDelta = -1e-9 * Math.max(1, gain);
    for (let i = 0; i < list.length; i += step) {
      const b = list[i];
      if (!this.movable(b) || !this.hasArc(b, r)) continue;
      const delta = p.workload[b] * (this.minutes(r, b) - this.minutes(s, b)) - gain;
      if (delta >= bestDelta) continue;
      if (!this.swapKeepsWindows(a, r, b, s) || !this.affordable(a, r, s, b, s, r)) continue;
      best = b;
      bestDelta = delta;
    }
    if (best < 0) return false;
    this.move(a, s);
    this.move(best, r);
    return true;
  }

  private keepsWindows(a: number, r: number, s: number): boolean {
    const { rows, loads } = this;
    for (let k = 0; k < rows.count; k++) {
      const v = rows.value[k][a];
      if (v === 0) continue;
      if (outside(rows, k, r, loads[k][r] - v) > CLEAN || outside(rows, k, s, loads[k][s] + v) > CLEAN) return false;
    }
    return true;
  }

  private swapKeepsWindows(a: number, r: number, b: number, s: number): boolean {
    const { rows, loads } = this;
    for (let k = 0; k < rows.count; k++) {
      const diff = rows.value[k][b] - rows.value[k][a];
      if (diff === 0) continue;
      if (outside(rows, k, r, loads[k][r] + diff) > CLEAN || outside(rows, k, s, loads[k][s] - diff) > CLEAN) return false;
    }
    return true;
  }

  /** Whether rep r may serve account a. */
  private hasArc(a: number, r: number): boolean {
    return !Number.isNaN(this.pairs.minutes(r, a));
  }

  /** Travel minutes of a pair (of one a rep may not serve too: a start may hold such pairs). */
  private minutes(r: number, a: number): number {
    const t = this.pairs.minutes(r, a);
    return Number.isNaN(t) ? this.p.travel(r, a) : t;
  }
}

/** Moves (or swaps) gathered for one choice, in growable typed buffers kept between choices. */
class MoveList {
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  cut = new Float64Array(1024);
  cost = new Float64Array(1024);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  add(first: number, second: number, deltaOutside: number, deltaCost: number): void {
    if (this.size === this.first.length) {
      const grow = <T extends Int32Array | Float64Array>(x: T): T => {
        const y = new (x.constructor as new (n: number) => T)(2 * x.length);
        y.set(x);
        return y;
      };
      this.first = grow(this.first);
      this.second = grow(this.second);
      this.cut = grow(this.cut);
      this.cost = grow(this.cost);
    }
    this.first[this.size] = first;
    this.second[this.size] = second;
    this.cut[this.size] = -deltaOutside;
    this.cost[this.size] = deltaCost;
    this.size++;
  }

  /** Among entries that cut the violation by at least `NEAR_BEST` × the best cut, the one that adds least cost; −1 when none. */
  nearBest(): number {
    let bestCut = 0;
    for (let i = 0; i < this.size; i++) if (this.cut[i] > bestCut) bestCut = this.cut[i];
    let best = -1;
    for (let i = 0; i < this.size; i++) if (this.cut[i] >= NEAR_BEST * bestCut && (best < 0 || this.cost[i] < this.cost[best])) best = i;
    return best;
  }
}
