/**
 * A small SVG map of a unit-based plan for this example's README: counties filled in their
 * territory's colour, territory outlines from `dissolveTerritories`, rep homes labelled.
 * (The library's `renderSvg` draws account-based outlines; this shows the county shapes.)
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import type { Plan } from "../../src/model/plan.js";
import { dissolveTerritories } from "../../src/units/dissolve.js";
import { readUnitMap } from "../../src/units/unit-map.js";

const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#17becf", "#bcbd22", "#8c564b", "#aec7e8", "#ffbb78", "#98df8a"];

/** A polygon's rings as closed `[lng, lat]` lists wound for d3-geo: outer ring clockwise, holes counter-clockwise. */
function d3Rings(rings: readonly Float64Array[] | number[][][]): number[][][] {
  return rings.map((ring, k) => {
    const points: number[][] = [];
    if (ring instanceof Float64Array) {
      for (let i = 0; i < ring.length; i += 2) points.push([ring[i], ring[i + 1]]);
      points.push([ring[0], ring[1]]);
    } else {
      points.push(...ring);
    }
    let area = 0;
    for (let i = 1; i < points.length; i++) area += (points[i][0] - points[i - 1][0]) * (points[i][1] + points[i - 1][1]);
    const clockwise = area > 0;
    return clockwise === (k === 0) ? points : points.reverse();
  });
}

export function renderMap(plan: Plan, title: string, width = 900, height = 760): string {
  const map = readUnitMap(plan.problem.units!);
  const owner = new Map<string, number>();
  plan.territories.forEach((t, r) => t.unitIds?.forEach((u) => owner.set(u, r)));
  const counties = map.ids.map((id, u) => ({
    type: "Feature" as const,
    properties: { rep: owner.get(id) ?? -1 },
    geometry: { type: "MultiPolygon" as const, coordinates: map.polygons[u].map((polygon) => d3Rings(polygon)) },
  }));
  const outlines = dissolveTerritories(plan).map((d) => ({
    type: "Feature" as const,
    properties: {},
    geometry: {
      type: "MultiPolygon" as const,
      coordinates: (d.geometry.type === "Polygon" ? [d.geometry.coordinates] : d.geometry.coordinates).map((polygon) => d3Rings(polygon)),
    },
  }));
  const all = { type: "FeatureCollection", features: counties } as unknown as GeoPermissibleObjects;
  const projection = geoMercator().fitExtent([[10, 50], [width - 290, height - 10]], all);
  const path = geoPath(projection);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="28" font-size="18" font-weight="bold">${title}</text>`,
  ];
  for (const f of counties) {
    const fill = f.properties.rep >= 0 ? PALETTE[f.properties.rep % PALETTE.length] : "#eeeeee";
    parts.push(`<path d="${path(f as never)}" fill="${fill}" fill-opacity="0.75" stroke="#ffffff" stroke-width="0.5"/>`);
  }
  for (const f of outlines) parts.push(`<path d="${path(f as never)}" fill="none" stroke="#222222" stroke-width="1.6"/>`);
  plan.problem.reps.forEach((rep, r) => {
    const [x, y] = projection(rep.home as [number, number])!;
    parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="#ffffff" stroke="#000000" stroke-width="1.5"/>`);
    const t = plan.territories[r];
    const lx = width - 275, ly = 60 + r * 22;
    parts.push(`<rect x="${lx}" y="${ly - 12}" width="14" height="14" fill="${PALETTE[r % PALETTE.length]}"/>`);
    const town = String((rep.attributes as { town?: string } | undefined)?.town ?? "");
    parts.push(`<text x="${lx + 20}" y="${ly}" font-size="12">${rep.id} ${town}: ${(100 * (1 + t.deviation)).toFixed(0)} % · PP ${(t.compactness ?? 0).toFixed(2)}</text>`);
  });
  parts.push("</svg>");
  return parts.join("\n");
}
