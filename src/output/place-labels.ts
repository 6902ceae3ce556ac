/** A box, px: left, top, right, bottom. */
export type Box = readonly [x0: number, y0: number, x1: number, y1: number];

/** A label to place beside a point marker. */
export interface LabelRequest {
  /** The marker's centre, px. */
  readonly x: number;
  readonly y: number;
  /** The label's text width and height, px. */
  readonly width: number;
  readonly height: number;
}

/** Where a label goes: its text starts (or, for `end`, ends) at `x`, baseline `y`. */
export interface LabelPlacement {
  readonly x: number;
  readonly y: number;
  readonly anchor: "start" | "middle" | "end";
}

/** Half the marker size plus a gap, px. */
const GAP = 8;

/**
 * Places labels beside point markers so that no two labels overlap, no label covers a marker and
 * every label stays inside `bounds`: each label, in the order given, takes the first free spot of
 * eight around its marker (right, left, above right, below right, above, below, above left, below
 * left). A label with no free spot is left out (null), never drawn over another. `markerSize` is
 * the side of the square markers, px. Greedy, O(labels²): meant for up to a few thousand labels.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Box, markerSize = 10): (LabelPlacement | null)[] {
  const half = markerSize / 2 + 1;
  const taken: Box[] = requests.map(({ x, y }) => [x - half, y - half, x + half, y + half]);
  return requests.map((request) => {
    for (const candidate of candidates(request)) {
      const box = boxOf(candidate, request);
      if (!inside(box, bounds)) continue;
      if (taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      return candidate;
    }
    return null;
  });
}

function candidates({ x, y, height }: LabelRequest): LabelPlacement[] {
  const mid = y + height / 2 - 2; // baseline that centres the text on the marker
  const above = y - GAP + 1;
  const below = y + GAP + height - 3;
  return [
    { x: x + GAP, y: mid, anchor: "start" },
    { x: x - GAP, y: mid, anchor: "end" },
    { x: x + GAP - 2, y: above, anchor: "start" },
    { x: x + GAP - 2, y: below, anchor: "start" },
    { x, y: above - 1, anchor: "middle" },
    { x, y: below + 1, anchor: "middle" },
    { x: x - GAP + 2, y: above, anchor: "end" },
    { x: x - GAP + 2, y: below, anchor: "end" },
  ];
}

/** The text box of a placement: from the baseline up by `height − 3` and down by 3 px. */
function boxOf(p: LabelPlacement, { width, height }: LabelRequest): Box {
  const x0 = p.anchor === "start" ? p.x : p.anchor === "end" ? p.x - width : p.x - width / 2;
  return [x0, p.y - height + 3, x0 + width, p.y + 3];
}

function inside(b: Box, bounds: Box): boolean {
  return b[0] >= bounds[0] && b[1] >= bounds[1] && b[2] <= bounds[2] && b[3] <= bounds[3];
}

function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}
