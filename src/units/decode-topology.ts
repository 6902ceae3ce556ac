import type { UnitTopology } from "./units-schema.js";

/**
 * Decodes every arc of a topology to absolute `[lng, lat]` positions, flat
 * (`[lng0, lat0, lng1, lat1, …]`). Quantized topologies (with `transform`) store deltas from the
 * previous position in integer steps; position = cumulative step × scale + translate. Each arc is
 * decoded once, so units that share an arc get bit-identical boundary coordinates.
 */
export function decodeArcs(topology: UnitTopology): Float64Array[] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    const out = new Float64Array(arc.length * 2);
    let x = 0, y = 0;
    for (let i = 0; i < arc.length; i++) {
      if (t) {
        x += arc[i][0];
        y += arc[i][1];
        out[2 * i] = x * t.scale[0] + t.translate[0];
        out[2 * i + 1] = y * t.scale[1] + t.translate[1];
      } else {
        out[2 * i] = arc[i][0];
        out[2 * i + 1] = arc[i][1];
      }
    }
    return out;
  });
}

/**
 * Stitches arc references (i, or ~i for arc i reversed) into one ring: consecutive arcs share an
 * end point, which is kept once; the closing position is dropped. Flat `[lng, lat, …]`.
 */
export function ringFromArcs(refs: readonly number[], arcs: readonly Float64Array[]): Float64Array {
  let length = 0;
  for (const ref of refs) length += arcs[ref < 0 ? ~ref : ref].length / 2;
  const out = new Float64Array(2 * length);
  let k = 0;
  for (const ref of refs) {
    const arc = arcs[ref < 0 ? ~ref : ref];
    const points = arc.length / 2;
    for (let i = k === 0 ? 0 : 1; i < points; i++) {
      const j = ref < 0 ? points - 1 - i : i;
      out[k++] = arc[2 * j];
      out[k++] = arc[2 * j + 1];
    }
  }
  return dropClosing(out.subarray(0, k));
}

/** Drops the last position when it repeats the first (closed GeoJSON/TopoJSON rings). */
export function dropClosing(ring: Float64Array): Float64Array {
  const k = ring.length;
  if (k >= 4 && ring[0] === ring[k - 2] && ring[1] === ring[k - 1]) return ring.subarray(0, k - 2);
  return ring;
}
