import { geoMercator, geoPath } from "d3-geo";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/model/problem-schema.js";
import { windForD3 } from "../../src/output/d3-winding.js";
import { mercatorFrame } from "../../src/output/svg-projection.js";
import { sharedTerritoryShapes, territoryFeatures } from "../../src/output/territory-features.js";
import { createRandom } from "../../src/util/random.js";
import { makePlan, randomProblem } from "./make-plan.js";

type Box = [[number, number], [number, number]];

/** Accounts around the antimeridian (longitudes on both sides of ±180°) and a few reps. */
function acrossTheDateLine(seed: number): Problem {
  const random = createRandom(seed);
  const lng = () => { const x = 170 + 20 * random(); return x > 180 ? x - 360 : x; };
  return {
    accounts: Array.from({ length: 300 }, (_, i) => ({ id: `a${i}`, location: [lng(), -50 + 20 * random()] as [number, number], workload: 1 + random() })),
    reps: Array.from({ length: 4 }, (_, r) => ({ id: `r${r}`, home: [lng(), -40 + 5 * random()] as [number, number], capacity: 200 })),
  };
}

describe("mercatorFrame", () => {
  for (const [name, problem] of [["a random problem", randomProblem(400, 6, 3)], ["data across the antimeridian", acrossTheDateLine(5)]] as const) {
    it(`fits as d3's fitExtent does, and places accounts as d3's projection does, bit for bit: ${name}`, () => {
      const plan = makePlan(problem);
      const outlines = territoryFeatures(plan, {}, sharedTerritoryShapes(plan)).map((f) => windForD3(f));
      const frame = mercatorFrame(plan, outlines);
      const box: Box = [[12, 30], [700, 500]];
      const clip: Box = [[0, 0], [720, 520]];
      const ours = frame.projection(box, clip);
      // What the frame replaces: d3 fitting the outlines and every point itself.
      const points = [...plan.problem.accounts.map((a) => a.location), ...plan.problem.reps.map((r) => r.home)];
      let sx = 0, sy = 0;
      for (const [lng] of points) (sx += Math.cos((lng * Math.PI) / 180)), (sy += Math.sin((lng * Math.PI) / 180));
      const lng0 = (Math.atan2(sy, sx) * 180) / Math.PI;
      const all = { type: "FeatureCollection", features: [...outlines, { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: points } }] };
      const d3s = geoMercator().rotate([-lng0, 0]).fitExtent(box, all as never).clipExtent(clip);
      expect(ours.scale()).toBeCloseTo(d3s.scale(), 9);
      expect(ours.translate()[0]).toBeCloseTo(d3s.translate()[0], 6);
      expect(ours.translate()[1]).toBeCloseTo(d3s.translate()[1], 6);
      // Positions: the same arithmetic as d3's point projection, on the frame's own projection.
      const xy = frame.accountPositions(ours);
      plan.problem.accounts.forEach((account, a) => {
        const p = ours(account.location)!;
        expect(xy[2 * a]).toBe(p[0]);
        expect(xy[2 * a + 1]).toBe(p[1]);
      });
      // The height the data takes in a square box is what d3 measures after fitting it there, but
      // for d3 resampling the outlines at that scale rather than the fitting one (under a pixel).
      const square: Box = [[12, 12], [948, 948]];
      const [[, top], [, bottom]] = geoPath(frame.projection(square, [[0, 0], [960, 960]])).bounds(all as never);
      expect(Math.abs(frame.height(square) - (bottom - top))).toBeLessThan(1);
    });
  }
});
