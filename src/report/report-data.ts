/**
 * The data a report page carries for its script, as JSON in `<script type="application/json"
 * id="report-data">`. Everything drawn statically (territory outlines, tables, charts) is HTML/SVG
 * already; this holds what the script draws or shows on demand: the accounts on the canvas, where
 * the rep markers sit, and the tooltip lines.
 */
export interface ReportData {
  /** One per rep, in rep input order. */
  readonly reps: readonly RepData[];
  /** Present when the page has a map. */
  readonly map?: MapData;
}

/** What the tooltip says about one rep. */
export interface RepData {
  readonly id: string;
  /** Territory colour, `#rrggbb`. */
  readonly colour: string;
  /** Tooltip lines after the rep id, already formatted. */
  readonly tip: readonly string[];
  /** "in", "below" or "above" the band: the tooltip colours the band line by it. */
  readonly band: "in" | "below" | "above" | "none";
}

/**
 * The map's accounts and scale. Coordinates are in the map's own pixel space (its SVG viewBox,
 * `width` × `height`), stored as integers × `COORDINATE_FACTOR` to keep the file small.
 */
export interface MapData {
  readonly width: number;
  readonly height: number;
  /** Kilometres per map pixel at the centre, at zoom 1 (for the scale bar). */
  readonly kmPerPx: number;
  /** Largest account dot radius, px at zoom 1. */
  readonly dotRadius: number;
  /** Account positions: x0, y0, x1, y1, … (integers, ÷ `COORDINATE_FACTOR` for px), input order. */
  readonly xy: readonly number[];
  /** Rep index per account (−1: unassigned), input order. */
  readonly rep: readonly number[];
  /** One digit per account, 0–9: dot size from √(workload / largest workload). */
  readonly size: string;
  /** Indices of the accounts that change rep (ringed), when the page shows changes. */
  readonly moved: readonly number[];
  /** Indices of the under-covered accounts (white space), when the page shows performance. */
  readonly underCovered: readonly number[];
}

/** Map coordinates are stored × this factor as integers (1/20 px). */
export const COORDINATE_FACTOR = 20;
