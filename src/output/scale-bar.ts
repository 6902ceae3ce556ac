import type { GeoProjection } from "d3-geo";
import { haversineKm } from "../geo/haversine.js";
import { formatNumber } from "../util/format-number.js";

/** A scale bar: a round distance and its length on the map. */
export interface ScaleBar {
  readonly km: number;
  readonly px: number;
  /** The distance as printed, e.g. `"50 km"` or `"500 m"`. */
  readonly label: string;
}

/**
 * The longest round distance (1, 2 or 5 × a power of ten, km) that is at most `maxPx` long on a map
 * drawn at `kmPerPx`. Null when the scale is not a positive finite number.
 */
export function scaleBar(kmPerPx: number, maxPx: number): ScaleBar | null {
  if (!(kmPerPx > 0) || !Number.isFinite(kmPerPx) || !(maxPx > 0)) return null;
  const most = kmPerPx * maxPx;
  const power = 10 ** Math.floor(Math.log10(most));
  const step = [5, 2, 1].find((s) => s * power <= most) ?? 1;
  const km = step * power;
  const label = km >= 1 ? `${formatNumber(km)} km` : `${formatNumber(km * 1000)} m`;
  return { km, px: km / kmPerPx, label };
}

/**
 * Kilometres per pixel across the map at pixel `[x, y]` (east–west, measured over 100 px, as
 * Mercator's scale depends on latitude only). NaN when the projection cannot invert there.
 */
export function kmPerPixel(projection: GeoProjection, [x, y]: readonly [number, number]): number {
  const a = projection.invert?.([x - 50, y]);
  const b = projection.invert?.([x + 50, y]);
  if (!a || !b) return Number.NaN;
  return haversineKm(a[0], a[1], b[0], b[1]) / 100;
}

/**
 * The scale bar as an SVG group at the bottom left of `box` ([[left, top], [right, bottom]], px),
 * true at the box's centre latitude: a black and white bar with end ticks and its distance above.
 * At most 120 px or a quarter of the box's width long; empty when no scale can be found.
 */
export function renderScaleBar(projection: GeoProjection, box: readonly [readonly [number, number], readonly [number, number]]): string {
  const [[x0, y0], [x1, y1]] = box;
  const bar = scaleBar(kmPerPixel(projection, [(x0 + x1) / 2, (y0 + y1) / 2]), Math.min(120, (x1 - x0) / 4));
  if (!bar) return "";
  const x = x0 + 6, y = y1 - 8, w = bar.px.toFixed(1), half = (bar.px / 2).toFixed(1);
  return (
    `<g class="scale-bar" transform="translate(${x.toFixed(1)},${y.toFixed(1)})" font-size="10" fill="#222222">` +
    `<rect x="0" y="-4" width="${w}" height="4" fill="#ffffff" stroke="#222222" stroke-width="0.8"/>` +
    `<rect x="0" y="-4" width="${half}" height="4" fill="#222222"/>` +
    `<text x="0" y="-8" stroke="#ffffff" stroke-width="3" paint-order="stroke">${bar.label}</text></g>`
  );
}
