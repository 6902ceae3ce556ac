/**
 * terralign/output: what a plan looks like on paper — GeoJSON, an SVG map, CSV, the reports (the
 * self-contained HTML report among them), and units dissolved into territory outlines. Kept out of the core entry (it draws with d3-geo,
 * d3-delaunay and clips polygons), so `import { align } from "terralign"` stays small.
 * @packageDocumentation
 */
export {
  renderSvg,
  summaryTable,
  toAssignmentsCsv,
  toCsv,
  toGeoJSON,
  toMarkdown,
  toReport,
  toViolationsCsv,
  type AccountProperties,
  type Feature,
  type FeatureCollection,
  type GeoJSON,
  type GeoJsonOptions,
  type Geometry,
  type MultiPolygon,
  type PlanFeature,
  type Point,
  type Polygon,
  type Position,
  type RepProperties,
  type Report,
  type SvgOptions,
  type TerritoryProperties,
  type TerritorySummary,
} from "../output/index.js";
export { dissolveTerritories, type AreaGeometry, type DissolvedTerritory } from "../units/dissolve.js";
// The self-contained HTML report
export { toHtml, toDiffHtml, type HtmlOptions } from "../report/to-html.js";
export { toCompareHtml, type CompareHtmlOptions } from "../report/to-compare-html.js";
