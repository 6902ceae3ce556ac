import * as z from "zod";

const fraction = z.number().finite().min(0, "a response must not be negative");

export const adbudgSchema = z
  .strictObject({
    model: z.literal("adbudg"),
    min: fraction,
    max: fraction,
    c: z.number().finite().gt(0, "c must be > 0"),
    d: z.number().finite().min(0, "d must not be negative"),
  })
  .superRefine((m, ctx) => {
    if (m.max < m.min) ctx.addIssue({ code: "custom", path: ["max"], input: m.max, message: `max ${m.max} is below min ${m.min}; a response must not fall with more visits` });
  });

export const tabulatedSchema = z
  .strictObject({
    model: z.literal("tabulated"),
    points: z.array(z.tuple([z.number().finite().min(0, "visits must not be negative"), fraction])).min(1),
  })
  .superRefine((m, ctx) => {
    if (m.points[0][0] !== 0) ctx.addIssue({ code: "custom", path: ["points", 0, 0], input: m.points[0][0], message: `the first point must be at 0 visits, not ${m.points[0][0]}` });
    for (let i = 1; i < m.points.length; i++) {
      if (!(m.points[i][0] > m.points[i - 1][0])) {
        ctx.addIssue({ code: "custom", path: ["points", i, 0], input: m.points[i][0], message: `visits must increase from point to point: ${m.points[i][0]} comes after ${m.points[i - 1][0]}` });
      }
    }
  });

export const responseModelSchema = z.discriminatedUnion("model", [adbudgSchema, tabulatedSchema], {
  error: (issue) => {
    const model = (issue.input as { model?: unknown } | undefined)?.model;
    return `expected "model": "adbudg" or "tabulated", got ${model === undefined ? "none" : JSON.stringify(model)}`;
  },
});

/**
 * Expected sales of an account as a function of visits per period v, as a share of its potential:
 * - `adbudg` (Little 1970): min + (max − min) · vᶜ / (d + vᶜ). min is the share kept with no
 *   visits, max the share at saturation; c > 1 gives an S-shaped curve (the first visits do
 *   little), c ≤ 1 a concave one; d ≥ 0 sets where the curve turns (vᶜ = d is halfway).
 * - `tabulated`: points [visits, share], the first at 0 visits, visits increasing; linear
 *   between points and flat after the last (a CALLPLAN-style judgemental curve).
 * Expected sales = potential × share.
 */
export type ResponseModel =
  | { readonly model: "adbudg"; readonly min: number; readonly max: number; readonly c: number; readonly d: number }
  | { readonly model: "tabulated"; readonly points: readonly (readonly [visits: number, share: number])[] };

/** The response share at v = 0, 1, …, maxVisits. */
export function responseTable(model: ResponseModel, maxVisits: number): Float64Array {
  const table = new Float64Array(maxVisits + 1);
  if (model.model === "adbudg") {
    const { min, max, c, d } = model;
    for (let v = 0; v <= maxVisits; v++) {
      const power = v ** c;
      table[v] = v === 0 ? min : min + ((max - min) * power) / (d + power);
    }
    return table;
  }
  const points = model.points;
  let p = 0;
  for (let v = 0; v <= maxVisits; v++) {
    while (p + 1 < points.length && points[p + 1][0] <= v) p++;
    const [x0, y0] = points[p];
    if (p + 1 >= points.length) table[v] = y0;
    else {
      const [x1, y1] = points[p + 1];
      table[v] = y0 + ((y1 - y0) * (v - x0)) / (x1 - x0);
    }
  }
  return table;
}
