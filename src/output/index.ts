/**
 * Outputs of a plan: GeoJSON, an SVG map, an assignments CSV, a JSON report, a Markdown report and
 * a terminal summary. Each is a free function of a `Plan`; none modifies it.
 */
export { toCsv } from "./csv-writer.js";
export type { Feature, FeatureCollection, GeoJSON, Geometry, MultiPolygon, Point, Polygon, Position } from "./geojson-types.js";
export {
  ACCOUNT_PROPERTY_NAMES,
  REP_PROPERTY_NAMES,
  type AccountProperties,
  type RepProperties,
  type TerritoryProperties,
} from "./geojson-properties.js";
export { renderSvg, type SvgOptions } from "./render-svg.js";
export { summaryTable } from "./summary-table.js";
export { ASSIGNMENT_COLUMNS, toAssignmentsCsv } from "./to-assignments-csv.js";
export { toGeoJSON, type GeoJsonOptions, type PlanFeature } from "./to-geojson.js";
export { toMarkdown } from "./to-markdown.js";
export { toReport, type Report, type TerritorySummary } from "./to-report.js";
export { toViolationsCsv, VIOLATION_COLUMNS } from "./to-violations-csv.js";
