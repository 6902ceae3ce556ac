/**
 * The report page's script, bundled into every report as one classic inline script (see
 * `scripts/build-report-script.ts`): it reads the page's JSON data, makes the tables sortable,
 * links clicks on territories, table rows and bars into one selection, and runs the map (pan,
 * zoom, account canvas, tooltip). It uses no library and makes no network request.
 */
import type { ReportData } from "../report-data.js";
import { createMapView } from "./map-view.js";
import { createSelection } from "./selection.js";
import { makeTablesSortable } from "./sortable-tables.js";

function readData(): ReportData {
  const element = document.getElementById("report-data");
  return element?.textContent ? (JSON.parse(element.textContent) as ReportData) : { reps: [] };
}

const data = readData();
const selection = createSelection(document);
makeTablesSortable(document);
const map = document.getElementById("map");
if (map && data.map) createMapView(map, data, data.map, selection);
