import { expect } from "vitest";
import type { Plan } from "../../src/model/plan.js";
import type { Account, Problem, Rep } from "../../src/model/problem-schema.js";
import { createRandom } from "../../src/util/random.js";
import { gridUnits } from "../units/grid.js";

export interface GridProblemOptions {
  cols: number;
  rows: number;
  /** Cells (col, row) of the rep homes. */
  homes: [number, number][];
  accountsPerCell?: number;
  /** Cells left without accounts. */
  empty?: (c: number, r: number) => boolean;
  seed?: number;
  step?: number;
}

/** A grid of square units (`c{col}r{row}`, 0.1° cells near 40° N) with seeded accounts and reps at cell centres. */
export function gridProblem(o: GridProblemOptions): Problem {
  const step = o.step ?? 0.1;
  const random = createRandom(o.seed ?? 1);
  const accounts: Account[] = [];
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      if (o.empty?.(c, r)) continue;
      for (let k = 0; k < (o.accountsPerCell ?? 3); k++) {
        accounts.push({
          id: `a${accounts.length}`,
          location: [-100 + (c + 0.05 + 0.9 * random()) * step, 40 + (r + 0.05 + 0.9 * random()) * step],
          workload: 1 + Math.floor(random() * 4),
        });
      }
    }
  }
  const total = accounts.reduce((s, a) => s + a.workload, 0);
  const reps: Rep[] = o.homes.map(([c, r], i) => ({ id: `rep${i}`, home: [-100 + (c + 0.5) * step, 40 + (r + 0.5) * step], capacity: (total / o.homes.length) * 1.3 }));
  return { accounts, reps, units: gridUnits(o.cols, o.rows, { step }) };
}

/** Grid neighbours of a cell id, computed from the ids alone (independent of the library's adjacency). */
export function gridNeighbours(id: string, queen: boolean): string[] {
  const [, c, r] = /^c(\d+)r(\d+)$/.exec(id)!.map(Number);
  const out: string[] = [];
  for (let dc = -1; dc <= 1; dc++) {
    for (let dr = -1; dr <= 1; dr++) {
      if ((dc === 0 && dr === 0) || (!queen && dc !== 0 && dr !== 0)) continue;
      out.push(`c${c + dc}r${r + dr}`);
    }
  }
  return out;
}

/**
 * Checks with a breadth-first search of its own that every unit is in exactly one territory and
 * every territory is one connected piece that holds its rep's home unit.
 */
export function expectContiguous(plan: Plan, unitIds: readonly string[], neighbours: (id: string) => string[], homeUnit: (repId: string) => string): void {
  const owner = new Map<string, string>();
  for (const t of plan.territories) {
    for (const u of t.unitIds ?? []) {
      expect(owner.has(u), `unit ${u} in two territories`).toBe(false);
      owner.set(u, t.repId);
    }
  }
  expect([...owner.keys()].sort()).toEqual([...unitIds].sort());
  for (const t of plan.territories) {
    const home = homeUnit(t.repId);
    expect(owner.get(home), `home unit of ${t.repId}`).toBe(t.repId);
    const seen = new Set([home]);
    const queue = [home];
    while (queue.length > 0) {
      const u = queue.shift()!;
      for (const v of neighbours(u)) {
        if (owner.get(v) === t.repId && !seen.has(v)) {
          seen.add(v);
          queue.push(v);
        }
      }
    }
    expect(seen.size, `territory of ${t.repId} is connected`).toBe(t.unitIds!.length);
  }
}

/** Cell id containing a point of the default grid. */
export function cellOf([lng, lat]: readonly [number, number], step = 0.1): string {
  return `c${Math.floor((lng + 100) / step)}r${Math.floor((lat - 40) / step)}`;
}
