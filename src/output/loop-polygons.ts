import type { MultiPolygon as ClipMultiPolygon, Polygon as ClipPolygon } from "polygon-clipping";
import { ringContains, signedArea } from "./ring-geometry.js";

/**
 * Polygons from simple, pairwise disjoint, non-crossing closed rings: counter-clockwise rings are
 * outer boundaries, clockwise rings holes. Each hole goes to the smallest outer ring around it
 * (rings do not cross, so the smallest enclosing outer is its parent). Without touching or
 * crossing rings this gives what an even–odd union (XOR) of the rings gives, without a sweep.
 */
export function polygonsFromLoops(rings: readonly [number, number][][]): ClipMultiPolygon {
  const outers: { ring: [number, number][]; area: number }[] = [];
  const holes: [number, number][][] = [];
  for (const ring of rings) {
    const area = signedArea(ring);
    if (area > 0) outers.push({ ring, area });
    else if (area < 0) holes.push(ring);
  }
  const polygons: ClipPolygon[] = outers.map(({ ring }) => [ring]);
  for (const hole of holes) {
    let parent = -1;
    if (outers.length === 1) parent = 0;
    else {
      const [x, y] = hole[0];
      for (let o = 0; o < outers.length; o++) {
        if ((parent < 0 || outers[o].area < outers[parent].area) && ringContains(outers[o].ring, x, y)) parent = o;
      }
    }
    // A hole outside every outer ring cannot come from a region's boundary; it is dropped rather than drawn as land.
    if (parent >= 0) polygons[parent].push(hole);
  }
  return polygons;
}
