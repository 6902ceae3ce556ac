/** Where each part of the SVG goes, in px. */
export interface SvgLayout {
  readonly width: number;
  readonly height: number;
  /** Height of the title block at the top. */
  readonly headerHeight: number;
  /** Box the map is fitted into: [[left, top], [right, bottom]]. */
  readonly map: [[number, number], [number, number]];
  readonly legend: LegendLayout;
}

/** Legend grid: entries fill columns top to bottom. */
export interface LegendLayout {
  readonly x: number;
  readonly y: number;
  readonly columnWidth: number;
  readonly lineHeight: number;
  /** Entries per column. */
  readonly rows: number;
  readonly columns: number;
  /** Entries drawn; when fewer than asked, the last slot says how many are left out. */
  readonly slots: number;
}

const MARGIN = 12;
const COLUMN = 220;
const LINE = 16;

/**
 * Splits the canvas into a title block `header` px high (at most a quarter of the height), a map
 * and a legend on the right. The legend takes as many columns as its entries need, up to 40 % of
 * the width; past that, entries are left out.
 */
export function svgLayout(width: number, height: number, entries: number, header: number): SvgLayout {
  const headerHeight = Math.min(header, height / 4);
  const top = headerHeight + LINE + 4; // one line for the legend's column headings
  const rows = Math.max(1, Math.floor((height - top - MARGIN) / LINE));
  const maxColumns = Math.max(1, Math.floor((0.4 * width) / COLUMN));
  const columns = Math.min(maxColumns, Math.max(1, Math.ceil(entries / rows)));
  const slots = Math.min(entries, rows * columns);
  const legendWidth = columns * COLUMN;
  const x = Math.max(MARGIN, width - MARGIN - legendWidth);
  return {
    width,
    height,
    headerHeight,
    map: [[MARGIN, headerHeight], [Math.max(MARGIN + 1, x - MARGIN), Math.max(headerHeight + 1, height - MARGIN)]],
    legend: { x, y: top, columnWidth: COLUMN, lineHeight: LINE, rows, columns, slots },
  };
}
