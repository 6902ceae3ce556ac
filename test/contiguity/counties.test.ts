import { neighbors } from "topojson-client";
import { describe, expect, it } from "vitest";
import { countyScenario } from "../../examples/us-counties/scenario.js";
import { align } from "../../src/align.js";
import { createUnitLocator } from "../../src/units/place-accounts.js";
import { readUnitMap } from "../../src/units/unit-map.js";
import { measureUnits } from "../../src/units/unit-measures.js";
import { validatePlan } from "../support/validate-plan.js";
import { expectContiguous } from "./grid-problem.js";

describe("contiguous territories on real counties (Kentucky, 120 counties, 6 reps)", () => {
  const scenario = countyScenario({ states: ["21"], reps: 6, accountsPerCounty: 8, seed: 3 });
  const problem = { ...scenario };
  const geometries = (scenario.units.objects.counties as { geometries: { id?: string | number }[] }).geometries;
  const ids = geometries.map((g) => String(g.id));
  // Shared arcs, as topojson-client sees them: independent of the library's own adjacency.
  const arcNeighbours = neighbors(geometries as never);
  const neighbours = (id: string) => arcNeighbours[ids.indexOf(id)].map((v) => ids[v]);
  const map = readUnitMap(scenario.units);
  const locate = createUnitLocator(map, measureUnits(map));
  const homeUnit = (repId: string) => {
    const home = scenario.reps.find((r) => r.id === repId)!.home;
    return map.ids[locate(home[0], home[1]).unit];
  };

  it("builds connected territories, each holding its rep's home county, inside a ±10 % band", () => {
    const plan = align(problem, { contiguity: true, balance: { workload: 0.1 } });
    expect(plan.status).toBe("feasible");
    validatePlan(problem, plan, { balance: 0.1 });
    expectContiguous(plan, ids, neighbours, homeUnit);
    for (const t of plan.territories) expect(t.compactness).toBeGreaterThan(0);
  });
});
