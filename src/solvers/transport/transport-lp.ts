import { addArc, AT_UPPER, createNetworkSimplex, flowCost, potential, type NetworkSimplex } from "./network-simplex.js";
import { setArtificialCost, setBasis } from "./simplex-basis.js";
import { runSimplex, type SimplexOutcome } from "./simplex-pivot.js";

/**
 * The transportation LP  min Σ cost[i,j]·y[i,j]  s.t.  Σ_j y[i,j] = supply[i],
 * lower[j] ≤ Σ_i y[i,j] ≤ upper[j],  y ≥ 0,  as a min-cost flow network:
 *
 * - nodes 0..S−1: supply nodes (accounts or atoms), each supplying its workload;
 * - nodes S..S+m−1: reps, each demanding its lower bound;
 * - node S+m: the sink, demanding Σ supply − Σ lower; arc rep → sink carries the part of a
 *   rep's load above its lower bound (capacity upper − lower);
 * - arcs supply → rep: the candidate arcs, appended as pricing finds more.
 *
 * Supply nodes are the simplex's implicit leaves (see `NetworkSimplex`), so the size of the tree
 * the pivots work on is about the number of reps, whatever the number of supply nodes.
 *
 * Workloads are scaled to integral flow units (a power of two per hour, chosen so that the total
 * stays below 2^50): flow updates are then exact. Lower bounds are rounded down and upper bounds up
 * by at most one unit, so the scaled LP is never tighter than the real one.
 */
export interface TransportLp {
  readonly simplex: NetworkSimplex;
  /** Number of supply nodes. */
  readonly supplyCount: number;
  /** Number of reps. */
  readonly repCount: number;
  /** Sink node id (= supplyCount + repCount). */
  readonly sink: number;
  /** Flow units per hour of workload. */
  readonly unitsPerHour: number;
  /** Costliest arc the artificial cost is sized for; a costlier arc raises it (see `addTransportArc`). */
  costLimit: number;
}

export interface TransportInput {
  /** Workload of each supply node, hours (≥ 0); length S. */
  readonly supply: Float64Array;
  /** Lower and upper end of each rep's band, hours; length m. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Candidate arcs in CSR layout: arcs of supply node i are arcStart[i] .. arcStart[i+1]−1. */
  readonly arcStart: Int32Array;
  /** Rep of each candidate arc. */
  readonly arcRep: Int32Array;
  /** Cost of each candidate arc per hour of workload (travel minutes). */
  readonly arcCost: Float64Array;
  /** Rep each supply node starts on (a crash basis), or −1; omitted = all-artificial start. */
  readonly start?: Int32Array;
}

/** Builds the network and its starting basis. */
export function buildTransportLp(input: TransportInput): TransportLp {
  const S = input.supply.length;
  const m = input.lower.length;
  const sink = S + m;
  let total = 0;
  for (let i = 0; i < S; i++) total += input.supply[i];
  const unitsPerHour = 2 ** Math.floor(Math.log2(2 ** 50 / Math.max(total, 1e-300)));

  const supply = new Float64Array(S + m + 1);
  let supplied = 0;
  for (let i = 0; i < S; i++) {
    supply[i] = Math.round(input.supply[i] * unitsPerHour);
    supplied += supply[i];
  }
  const lowerUnits = new Float64Array(m);
  const upperUnits = new Float64Array(m);
  let lowerSum = 0;
  for (let j = 0; j < m; j++) {
    lowerUnits[j] = Math.max(0, Math.floor(input.lower[j] * unitsPerHour));
    upperUnits[j] = Math.max(lowerUnits[j], Math.ceil(input.upper[j] * unitsPerHour));
    supply[S + j] = -lowerUnits[j];
    lowerSum += lowerUnits[j];
  }
  supply[sink] = -(supplied - lowerSum);

  const arcs = input.arcRep.length;
  const s = createNetworkSimplex(supply, m + arcs + (arcs >> 3), S);
  for (let j = 0; j < m; j++) addArc(s, S + j, sink, 0, upperUnits[j] - lowerUnits[j]);
  let maxCost = 0;
  for (let i = 0; i < S; i++) {
    for (let k = input.arcStart[i]; k < input.arcStart[i + 1]; k++) {
      addArc(s, i, S + input.arcRep[k], input.arcCost[k]);
      if (input.arcCost[k] > maxCost) maxCost = input.arcCost[k];
    }
  }
  const lp: TransportLp = { simplex: s, supplyCount: S, repCount: m, sink, unitsPerHour, costLimit: 0 };
  s.artificialCost = artificialCostFor(lp, maxCost);
  setBasis(s, crashBasis(lp, input, lowerUnits, upperUnits));
  return lp;
}

/**
 * Each supply node hangs from its start rep; a rep whose start load lies strictly inside its
 * band hangs from the sink, others from the root with their rep → sink arc at the matching bound.
 */
function crashBasis(lp: TransportLp, input: TransportInput, lowerUnits: Float64Array, upperUnits: Float64Array): Int32Array {
  const { simplex: s, supplyCount: S, repCount: m, sink } = lp;
  const n = s.nodeCount;
  const pred = new Int32Array(n);
  for (let u = 0; u < n; u++) pred[u] = u;
  const load = new Float64Array(m);
  const firstCandidate = n + m;
  if (input.start) {
    for (let i = 0; i < S; i++) {
      const j = input.start[i];
      if (j < 0) continue;
      for (let k = input.arcStart[i]; k < input.arcStart[i + 1]; k++) {
        if (input.arcRep[k] === j) {
          pred[i] = firstCandidate + k;
          load[j] += s.supply[i];
          break;
        }
      }
    }
  }
  for (let j = 0; j < m; j++) {
    const e = n + j;
    if (load[j] > lowerUnits[j] && load[j] < upperUnits[j]) pred[S + j] = e;
    else if (load[j] >= upperUnits[j] && upperUnits[j] > lowerUnits[j]) s.state[e] = AT_UPPER;
  }
  pred[sink] = sink;
  return pred;
}

/** Runs the simplex from the current basis. */
export function solveTransportLp(lp: TransportLp, stop?: () => boolean): SimplexOutcome {
  return runSimplex(lp.simplex, stop);
}

/** Appends candidate arc supply node i → rep j; the next solve continues from the current basis. */
export function addTransportArc(lp: TransportLp, i: number, j: number, cost: number): void {
  addArc(lp.simplex, i, lp.supplyCount + j, cost);
  if (cost > lp.costLimit) setArtificialCost(lp.simplex, artificialCostFor(lp, cost));
}

/**
 * An artificial cost above the cost of any simple path of real arcs (supply and rep nodes
 * alternate, so at most 2m + 6 arcs) when no arc costs more than 4 × `maxCost`: big-M then puts
 * flow on artificial arcs only when the bands cannot be met.
 */
function artificialCostFor(lp: TransportLp, maxCost: number): number {
  lp.costLimit = 4 * maxCost;
  return (lp.costLimit + 1) * (2 * lp.repCount + 8);
}

/** LP objective Σ cost × hours. */
export function transportValue(lp: TransportLp): number {
  return flowCost(lp.simplex) / lp.unitsPerHour;
}

/**
 * Rep prices λ (minutes per hour): a supply node's cheapest rep minimises cost + λ; λ > 0 only
 * for reps at the top of their band, λ < 0 only for reps at the bottom, 0 strictly inside.
 */
export function repPrices(lp: TransportLp): Float64Array {
  const { simplex: s, supplyCount: S, repCount: m, sink } = lp;
  const prices = new Float64Array(m);
  for (let j = 0; j < m; j++) prices[j] = s.pi[sink] - s.pi[S + j];
  return prices;
}

/** Price of supply node i: its cheapest cost + λ (reduced costs of its arcs are cost + λ − price). */
export function supplyPrice(lp: TransportLp, i: number): number {
  return potential(lp.simplex, lp.sink) - potential(lp.simplex, i);
}
