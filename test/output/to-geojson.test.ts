import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Plan } from "../../src/model/plan.js";
import type { Problem } from "../../src/model/problem-schema.js";
import type { Position } from "../../src/output/geojson-types.js";
import type { AccountProperties, RepProperties, TerritoryProperties } from "../../src/output/geojson-properties.js";
import { toGeoJSON, type PlanFeature } from "../../src/output/to-geojson.js";
import { area, covers, deepFreeze, overlapArea, ringArea } from "./geometry-checks.js";
import { makePlan, randomProblem } from "./make-plan.js";

type Shape = { repId: string; polygons: Position[][][]; properties: TerritoryProperties };

function split(features: readonly PlanFeature[]) {
  const territories: Shape[] = [];
  const accounts: { coordinates: Position; properties: AccountProperties }[] = [];
  const reps: { coordinates: Position; properties: RepProperties }[] = [];
  for (const f of features) {
    if (f.properties.kind === "territory") {
      const g = f.geometry as { type: string; coordinates: unknown };
      const polygons = (g.type === "Polygon" ? [g.coordinates] : g.coordinates) as Position[][][];
      territories.push({ repId: f.properties.repId as string, polygons, properties: f.properties as TerritoryProperties });
    } else if (f.properties.kind === "account") {
      accounts.push({ coordinates: (f.geometry as { coordinates: Position }).coordinates, properties: f.properties as AccountProperties });
    } else {
      reps.push({ coordinates: (f.geometry as { coordinates: Position }).coordinates, properties: f.properties as RepProperties });
    }
  }
  return { territories, accounts, reps };
}

/** The invariants every territory layer must meet. */
function expectValidTerritories(plan: Plan, territories: readonly Shape[]): void {
  const owner = new Map(plan.assignment.map((row) => [row.accountId, row.repId]));
  const byRep = new Map(territories.map((t) => [t.repId, t]));
  for (const t of territories) {
    expect(t.polygons.length).toBeGreaterThan(0);
    for (const polygon of t.polygons) {
      polygon.forEach((ring, i) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        // RFC 7946: exteriors counter-clockwise, holes clockwise.
        expect(Math.sign(ringArea(ring))).toBe(i === 0 ? 1 : -1);
      });
    }
  }
  let notCovered = 0;
  for (const account of plan.problem.accounts) {
    const repId = owner.get(account.id);
    if (repId === undefined) continue;
    const shape = byRep.get(repId);
    if (!shape || !covers(shape.polygons, account.location)) notCovered++;
  }
  expect(notCovered).toBe(territories.reduce((s, t) => s + t.properties.accountsNotCovered, 0) + countRepsWithoutShape(plan, byRep));
  const total = territories.reduce((s, t) => s + area(t.polygons), 0);
  for (let i = 0; i < territories.length; i++) {
    for (let j = i + 1; j < territories.length; j++) {
      expect(overlapArea(territories[i].polygons, territories[j].polygons)).toBeLessThan(1e-7 * total + 1e-12);
    }
  }
}

/** Accounts of reps whose every account sits at another rep's site (they get no outline). */
function countRepsWithoutShape(plan: Plan, byRep: ReadonlyMap<string, Shape>): number {
  return plan.territories.filter((t) => t.accountCount > 0 && !byRep.has(t.repId)).reduce((s, t) => s + t.accountCount, 0);
}

describe("toGeoJSON", () => {
  it("writes every account as exactly one point with its attributes untouched", () => {
    const nested = { tags: ["x", "y"] };
    const problem: Problem = {
      accounts: [
        { id: "a1", location: [-99.1, 19.4], workload: 3, potential: 100, tier: "A", attributes: { name: "Farmacia, \"Sol\"", size: 12, nested } },
        { id: "a2", location: [-99.2, 19.5], workload: 2, segment: "retail", attributes: { id: "crm-77", repId: "spoof", kind: "spoof", "attributes.id": "taken" } },
        { id: "a3", location: [-99.0, 19.3], workload: 1 },
      ],
      reps: [{ id: "r1", home: [-99.1, 19.4], capacity: 10 }],
    };
    const plan = makePlan(problem);
    const { accounts } = split(toGeoJSON(plan).features);
    expect(accounts.map((a) => a.properties.id)).toEqual(["a1", "a2", "a3"]);
    expect(accounts[0].properties).toEqual({ kind: "account", id: "a1", repId: "r1", workload: 3, potential: 100, tier: "A", name: "Farmacia, \"Sol\"", size: 12, nested });
    expect(accounts[0].properties.nested).toBe(nested);
    expect(accounts[1].properties).toEqual({
      kind: "account",
      id: "a2",
      repId: "r1",
      workload: 2,
      potential: 0,
      segment: "retail",
      "attributes.attributes.id": "crm-77",
      "attributes.repId": "spoof",
      "attributes.kind": "spoof",
      "attributes.id": "taken",
    });
    expect(accounts[2].coordinates).toEqual([-99, 19.3]);
  });

  it("handles ids and attribute keys such as __proto__ and constructor as plain strings", () => {
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "c"}') as Record<string, unknown>;
    const problem: Problem = {
      accounts: [
        { id: "__proto__", location: [2.35, 48.85], workload: 1, attributes },
        { id: "constructor", location: [2.36, 48.86], workload: 1 },
      ],
      reps: [{ id: "__proto__", home: [2.3, 48.8], capacity: 5, attributes: { toString: "t" } }],
    };
    const plan = makePlan(problem);
    const { accounts, reps, territories } = split(toGeoJSON(plan).features);
    expect(accounts.map((a) => [a.properties.id, a.properties.repId])).toEqual([["__proto__", "__proto__"], ["constructor", "__proto__"]]);
    expect(Object.hasOwn(accounts[0].properties, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(accounts[0].properties)).__proto__).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(reps[0].properties.toString).toBe("t");
    expect(territories.map((t) => t.repId)).toEqual(["__proto__"]);
  });

  it("draws non-overlapping territories that contain their accounts on a 400-account plan", () => {
    const plan = makePlan(randomProblem(400, 7));
    const { territories, accounts, reps } = split(toGeoJSON(plan).features);
    expect(territories.map((t) => t.repId)).toEqual(plan.territories.filter((t) => t.accountCount > 0).map((t) => t.repId));
    expect(accounts).toHaveLength(400);
    expect(reps).toHaveLength(7);
    expectValidTerritories(plan, territories);
    const t0 = plan.territories[0];
    expect(territories[0].properties).toMatchObject({ repId: t0.repId, accountCount: t0.accountCount, workloadHours: t0.workloadHours, targetHours: t0.targetHours });
  });

  it("draws valid territories for a plan from align, where territories may come in pieces", () => {
    const plan = align(randomProblem(600, 9, 21), { seed: 3, timeLimitMs: 5_000 });
    const { territories, accounts } = split(toGeoJSON(plan).features);
    expect(accounts).toHaveLength(600);
    expectValidTerritories(plan, territories);
  });

  it("keeps territory invariants for random plans with duplicates, collinear points and empty reps", () => {
    const problemArb = fc
      .record({
        cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 30 }),
        line: fc.boolean(),
        m: fc.integer({ min: 1, max: 4 }),
      })
      .map(({ cells, line, m }) => {
        const problem: Problem = {
          // A coarse grid forces duplicate locations; `line` puts every account on one meridian.
          accounts: cells.map(([i, j, , ], a) => ({ id: `a${a}`, location: [line ? 10 : 10 + i * 0.01, 45 + j * 0.01], workload: 1 + (a % 3) })),
          reps: Array.from({ length: m }, (_, r) => ({ id: `r${r}`, home: [10 + r * 0.01, 45] as [number, number], capacity: 100 })),
        };
        const owner = cells.map(([, , r, unassigned]) => (unassigned && r === 0 ? null : `r${r % m}`));
        return { problem, owner };
      });
    fc.assert(
      fc.property(problemArb, ({ problem, owner }) => {
        const plan = makePlan(problem, owner);
        const { territories, accounts } = split(toGeoJSON(plan).features);
        expect(accounts).toHaveLength(problem.accounts.length);
        expectValidTerritories(plan, territories);
      }),
      { seed: 20240611, numRuns: 60 },
    );
  });

  it("gives a single account the whole grown hull around it", () => {
    const plan = makePlan({ accounts: [{ id: "only", location: [151.2, -33.9], workload: 2 }], reps: [{ id: "r", home: [151, -33.8], capacity: 8 }] });
    const { territories } = split(toGeoJSON(plan, { bufferKm: 2 }).features);
    expect(territories).toHaveLength(1);
    expect(territories[0].polygons).toHaveLength(1);
    expect(covers(territories[0].polygons, [151.2, -33.9])).toBe(true);
    const ring = territories[0].polygons[0][0];
    expect(ring).toHaveLength(33);
    // 2 km north of the account is on the outline (1° latitude ≈ 111.2 km).
    const north = Math.max(...ring.map((p) => p[1]));
    expect(north - -33.9).toBeCloseTo(2 / 111.195, 3);
  });

  it("gives a rep whose accounts share a location with another rep's heavier accounts no cover for them", () => {
    const problem: Problem = {
      accounts: [
        { id: "big", location: [5, 50], workload: 5 },
        { id: "small", location: [5, 50], workload: 1 },
        { id: "far", location: [5.2, 50.1], workload: 1 },
      ],
      reps: [
        { id: "A", home: [5, 50], capacity: 10 },
        { id: "B", home: [5.2, 50.1], capacity: 10 },
        { id: "C", home: [5.1, 50], capacity: 10 },
      ],
    };
    const plan = makePlan(problem, ["A", "B", "B"]);
    const { territories, reps } = split(toGeoJSON(plan).features);
    expect(territories.map((t) => [t.repId, t.properties.accountsNotCovered])).toEqual([["A", 0], ["B", 1]]);
    expect(reps.find((r) => r.properties.id === "C")?.properties.accountCount).toBe(0);
    expectValidTerritories(plan, territories);
  });

  it("lists unassigned accounts with a null rep and the reason, and draws no cell for them", () => {
    const problem = randomProblem(30, 2, 3);
    const owner = problem.accounts.map((_, a) => (a === 4 ? null : a % 2 === 0 ? "r0" : "r1"));
    const plan = makePlan(problem, owner);
    const { accounts, territories } = split(toGeoJSON(plan).features);
    expect(accounts[4].properties).toMatchObject({ id: "a4", repId: null, reason: "no eligible rep within reach" });
    expect(accounts.filter((a) => "reason" in a.properties)).toHaveLength(1);
    expectValidTerritories(plan, territories);
  });

  it("covers the grown hull with one polygon when one rep owns everything", () => {
    const plan = makePlan(randomProblem(50, 1, 5));
    const { territories } = split(toGeoJSON(plan).features);
    expect(territories).toHaveLength(1);
    expect(territories[0].polygons).toHaveLength(1);
    expect(territories[0].polygons[0]).toHaveLength(1);
    expectValidTerritories(plan, territories);
  });

  it("keeps territories across the antimeridian in one piece", () => {
    const problem: Problem = {
      accounts: [179.8, 179.9, -179.9, -179.8].map((lng, a) => ({ id: `a${a}`, location: [lng, -17] as [number, number], workload: 1 })),
      reps: [{ id: "west", home: [179.85, -17], capacity: 5 }, { id: "east", home: [-179.85, -17], capacity: 5 }],
    };
    const plan = makePlan(problem, ["west", "west", "east", "east"]);
    const { territories } = split(toGeoJSON(plan).features);
    expect(territories).toHaveLength(2);
    for (const t of territories) {
      expect(t.polygons).toHaveLength(1);
      const lngs = t.polygons[0][0].map((p) => p[0]);
      expect(Math.max(...lngs) - Math.min(...lngs)).toBeLessThan(1);
    }
  });

  it("rounds every coordinate to 6 decimals", () => {
    const plan = makePlan({ accounts: [{ id: "a", location: [1.123456789, 2.987654321], workload: 1 }, { id: "b", location: [1.2, 3], workload: 1 }], reps: [{ id: "r", home: [1.00000049, 2], capacity: 4 }] });
    const collection = toGeoJSON(plan);
    const numbers = JSON.stringify(collection.features.map((f) => f.geometry)).match(/-?\d+\.\d+/g) ?? [];
    expect(numbers.length).toBeGreaterThan(10);
    for (const text of numbers) expect(text.split(".")[1].length).toBeLessThanOrEqual(6);
    expect(split(collection.features).accounts[0].coordinates).toEqual([1.123457, 2.987654]);
  });

  it("leaves layers out on request and rejects bad options with the field path", () => {
    const plan = makePlan(randomProblem(20, 2));
    expect(toGeoJSON(plan, { territories: false }).features.every((f) => f.properties.kind !== "territory")).toBe(true);
    expect(toGeoJSON(plan, { accounts: false, reps: false }).features.every((f) => f.properties.kind === "territory")).toBe(true);
    expect(() => toGeoJSON(plan, { bufferKm: -1 })).toThrow(/^options\.bufferKm: expected a finite number > 0, got -1$/);
    expect(() => toGeoJSON(plan, { bufferKM: 1 } as never)).toThrow(expect.objectContaining({ code: "invalid_option" }));
  });

  it("does not modify the plan or the problem", () => {
    const plan = makePlan(randomProblem(60, 3));
    const before = JSON.stringify(plan);
    deepFreeze(plan);
    toGeoJSON(plan);
    expect(JSON.stringify(plan)).toBe(before);
  });
});
