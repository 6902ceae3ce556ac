import { darken } from "../../output/palette.js";
import { COORDINATE_FACTOR, type MapData, type RepData } from "../report-data.js";

/** The view: map pixels are drawn at `k` × their position plus `[tx, ty]`. */
export interface View {
  readonly k: number;
  readonly tx: number;
  readonly ty: number;
}

/** Which layers of accounts are drawn. */
export interface Layers {
  accounts: boolean;
  moved: boolean;
  underCovered: boolean;
}

/** Account indices grouped by rep (last group: unassigned), so each group sets its colours once. */
export type AccountGroups = readonly Int32Array[];

/** Groups account indices by rep index; the extra last group holds the unassigned ones. */
export function groupAccounts(map: MapData, reps: number): AccountGroups {
  const counts = new Int32Array(reps + 1);
  for (const r of map.rep) counts[r < 0 ? reps : r]++;
  const groups = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(reps + 1);
  map.rep.forEach((r, a) => {
    const g = r < 0 ? reps : r;
    groups[g][filled[g]++] = a;
  });
  return groups;
}

/**
 * Draws the accounts onto the canvas for a view: dots in their territory's colour (unassigned:
 * white with a black outline), faded outside the selected territory when one is selected; then
 * red rings round moved accounts and black rings round under-covered ones. `scale` is canvas
 * pixels per map pixel at zoom 1.
 */
export function drawAccounts(canvas: HTMLCanvasElement, map: MapData, reps: readonly RepData[], groups: AccountGroups, view: View, scale: number, layers: Layers, selected: number): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const grow = Math.min(3, Math.sqrt(view.k));
  const unit = (scale * view.k) / COORDINATE_FACTOR;
  const x = (a: number) => scale * view.tx + map.xy[2 * a] * unit;
  const y = (a: number) => scale * view.ty + map.xy[2 * a + 1] * unit;
  const radius = (a: number) => scale * grow * map.dotRadius * (0.35 + (0.65 * (map.size.charCodeAt(a) - 48)) / 9);
  const w = canvas.width, h = canvas.height;
  const visible = (px: number, py: number, r: number) => px + r >= 0 && py + r >= 0 && px - r <= w && py - r <= h;

  const dots = (indices: ArrayLike<number>, fill: string, stroke: string, alpha: number) => {
    ctx.globalAlpha = alpha;
    ctx.beginPath();
    for (let i = 0; i < indices.length; i++) {
      const a = indices[i], px = x(a), py = y(a), r = radius(a);
      if (!visible(px, py, r)) continue;
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = fill;
    ctx.fill();
    if (scale * grow * map.dotRadius >= 2.5) {
      ctx.strokeStyle = stroke;
      ctx.lineWidth = 0.6 * scale;
      ctx.stroke();
    }
  };
  const rings = (indices: ArrayLike<number>, colour: string, width: number) => {
    ctx.globalAlpha = 1;
    ctx.beginPath();
    for (let i = 0; i < indices.length; i++) {
      const a = indices[i], px = x(a), py = y(a), r = radius(a) + 2.5 * scale;
      if (!visible(px, py, r)) continue;
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.strokeStyle = colour;
    ctx.lineWidth = width * scale;
    ctx.stroke();
  };

  if (layers.accounts) {
    groups.forEach((indices, r) => {
      if (r === reps.length) dots(indices, "#ffffff", "#000000", 1);
      else dots(indices, reps[r].colour, darken(reps[r].colour, 0.55), selected < 0 || selected === r ? 1 : 0.2);
    });
  }
  if (layers.moved && map.moved.length > 0) rings(map.moved, "#d62728", 1.5);
  if (layers.underCovered && map.underCovered.length > 0) rings(map.underCovered, "#111111", 1.2);
  ctx.globalAlpha = 1;
}
