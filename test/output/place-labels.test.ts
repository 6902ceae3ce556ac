import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeLabels, type Box } from "../../src/output/place-labels.js";
import { renderSvg } from "../../src/output/render-svg.js";
import { kmPerPixel, scaleBar } from "../../src/output/scale-bar.js";
import { geoMercator } from "d3-geo";
import { makePlan, randomProblem } from "./make-plan.js";

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The text box of a placed label, as `placeLabels` reckons it. */
function textBox(p: { x: number; y: number; anchor: string }, width: number, height: number): Box {
  const x0 = p.anchor === "start" ? p.x : p.anchor === "end" ? p.x - width : p.x - width / 2;
  return [x0, p.y - height + 3, x0 + width, p.y + 3];
}

describe("placeLabels", () => {
  it("never lets two labels overlap, a label cover a marker, or a label leave the bounds", () => {
    const request = fc.record({ x: fc.integer({ min: 0, max: 300 }), y: fc.integer({ min: 0, max: 200 }), width: fc.integer({ min: 6, max: 80 }), height: fc.constant(13) });
    fc.assert(
      fc.property(fc.array(request, { minLength: 1, maxLength: 60 }), (requests) => {
        const bounds: Box = [0, 0, 300, 200];
        const placed = placeLabels(requests, bounds);
        const boxes = placed.flatMap((p, i) => (p ? [textBox(p, requests[i].width, requests[i].height)] : []));
        for (const [i, a] of boxes.entries()) {
          expect(a[0] >= 0 && a[1] >= 0 && a[2] <= 300 && a[3] <= 200).toBe(true);
          for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
          for (const r of requests) expect(overlaps(a, [r.x - 6, r.y - 6, r.x + 6, r.y + 6])).toBe(false);
        }
      }),
      { seed: 14, numRuns: 200 },
    );
  });

  it("puts a lone label right of its marker", () => {
    expect(placeLabels([{ x: 50, y: 50, width: 20, height: 13 }], [0, 0, 200, 200])).toEqual([{ x: 58, y: 54.5, anchor: "start" }]);
  });

  it("labels reps that share a home once, with every id", () => {
    const problem = randomProblem(60, 3, 2);
    problem.reps[1] = { ...problem.reps[1], home: problem.reps[0].home };
    const svg = renderSvg(makePlan(problem));
    expect(svg).toContain(">r0, r1</text>");
    expect(svg.split(`<g class="rep" `).length - 1).toBe(3);
  });
});

describe("scaleBar", () => {
  it("picks the longest 1, 2 or 5 × 10ⁿ km that fits", () => {
    expect(scaleBar(1, 120)).toEqual({ km: 100, px: 100, label: "100 km" });
    expect(scaleBar(0.5, 120)).toEqual({ km: 50, px: 100, label: "50 km" });
    expect(scaleBar(3, 100)).toMatchObject({ km: 200, label: "200 km" });
    expect(scaleBar(0.004, 120)).toMatchObject({ km: 0.2, label: "200 m" });
    expect(scaleBar(0, 120)).toBeNull();
    expect(scaleBar(Number.NaN, 120)).toBeNull();
  });

  it("measures kilometres per pixel on the projection", () => {
    // Mercator at scale s: one radian of longitude is s px at the equator.
    const projection = geoMercator().scale(1000).translate([0, 0]);
    expect(kmPerPixel(projection, [0, 0])).toBeCloseTo(6371.0088 / 1000, 3);
  });

  it("is drawn on every SVG map", () => {
    expect(renderSvg(makePlan(randomProblem(50, 3)))).toMatch(/<g class="scale-bar"[^>]*>.*>\d+ k?m<\/text><\/g>/);
  });
});
