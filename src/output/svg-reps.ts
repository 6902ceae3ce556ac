import type { GeoProjection } from "d3-geo";
import type { Plan } from "../model/plan.js";
import { escapeXml } from "./escape-xml.js";
import { darken } from "./palette.js";
import { placeLabels, type Box } from "./place-labels.js";
import { truncateText } from "./truncate-text.js";

const LABEL_CHARS = 20;
/** Average advance of an 11 px semibold character, px (labels are placed without measuring text). */
const CHAR_WIDTH = 6.7;
const LABEL_HEIGHT = 13;

/**
 * Rep homes: a 10 px square in the territory colour (a little darker) with a white outline ringed
 * in dark grey (visible on any background), and a label on a white halo placed so that labels never
 * overlap each other or a marker and stay inside `bounds` (`placeLabels`; a label with no free spot
 * is left out, the id stays in the tooltip). Reps whose homes fall on one spot (within 1 px) share
 * one label listing their ids. Labels are cut to 20 characters; full ids in the tooltips.
 */
export function renderReps(plan: Plan, projection: GeoProjection, colours: readonly string[], bounds: Box): string {
  const points = plan.problem.reps.map((rep) => projection(rep.home));
  const spots = new Map<string, number[]>();
  points.forEach((xy, r) => {
    if (!xy) return;
    const key = `${Math.round(xy[0])},${Math.round(xy[1])}`;
    const list = spots.get(key) ?? [];
    list.push(r);
    spots.set(key, list);
  });
  const groups = [...spots.values()];
  const texts = groups.map((group) => truncateText(group.map((r) => plan.problem.reps[r].id).join(", "), LABEL_CHARS));
  const placements = placeLabels(
    groups.map((group, g) => ({ x: points[group[0]]![0], y: points[group[0]]![1], width: Array.from(texts[g]).length * CHAR_WIDTH, height: LABEL_HEIGHT })),
    bounds,
  );
  const labelOf = new Map<number, string>();
  groups.forEach((group, g) => {
    const p = placements[g];
    if (!p) return;
    const [x, y] = points[group[0]]!;
    labelOf.set(
      group[0],
      `<text x="${Number((p.x - x).toFixed(1))}" y="${Number((p.y - y).toFixed(1))}"${p.anchor === "start" ? "" : ` text-anchor="${p.anchor}"`} font-size="11" font-weight="600" fill="#111111" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(texts[g])}</text>`,
    );
  });
  const out: string[] = [`<g class="reps">`];
  plan.problem.reps.forEach((rep, r) => {
    const xy = points[r];
    if (!xy) return;
    out.push(
      `<g class="rep" transform="translate(${xy[0].toFixed(1)},${xy[1].toFixed(1)})"><title>${escapeXml(rep.id)}</title>` +
        `<rect x="-5" y="-5" width="10" height="10" fill="none" stroke="#222222" stroke-width="4.5"/>` +
        `<rect x="-5" y="-5" width="10" height="10" fill="${darken(colours[r], 0.8)}" stroke="#ffffff" stroke-width="2"/>` +
        `${labelOf.get(r) ?? ""}</g>`,
    );
  });
  out.push("</g>");
  return out.join("\n");
}
