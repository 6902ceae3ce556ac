import type { GeoProjection } from "d3-geo";
import type { Plan } from "../model/plan.js";
import { escapeXml } from "./escape-xml.js";
import { darken } from "./palette.js";
import { truncateText } from "./truncate-text.js";

const LABEL_CHARS = 20;

/**
 * Rep homes: a 10 px square in the territory colour (a little darker) with a white outline ringed
 * in dark grey (visible on any background), and
 * the rep id (cut to 20 characters; full id in the tooltip) beside it on a white halo.
 */
export function renderReps(plan: Plan, projection: GeoProjection, colours: readonly string[]): string {
  const out: string[] = [`<g class="reps">`];
  plan.problem.reps.forEach((rep, r) => {
    const xy = projection(rep.home);
    if (!xy) return;
    const [x, y] = [xy[0].toFixed(1), xy[1].toFixed(1)];
    const id = escapeXml(rep.id);
    out.push(
      `<g class="rep" transform="translate(${x},${y})"><title>${id}</title>` +
        `<rect x="-5" y="-5" width="10" height="10" fill="none" stroke="#222222" stroke-width="4.5"/>` +
        `<rect x="-5" y="-5" width="10" height="10" fill="${darken(colours[r], 0.8)}" stroke="#ffffff" stroke-width="2"/>` +
        `<text x="8" y="-6" font-size="11" font-weight="600" fill="#111111" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(truncateText(rep.id, LABEL_CHARS))}</text></g>`,
    );
  });
  out.push("</g>");
  return out.join("\n");
}
