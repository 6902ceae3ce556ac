import type { z } from "zod";
import type { ErrorCode } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import { decodeArcs } from "./decode-topology.js";
import { unitRecords } from "./unit-map.js";
import { UNIT_WORK_PROPERTIES } from "./unit-work.js";
import type { Units, UnitTopology } from "./units-schema.js";

type Path = (string | number)[];
type Report = (path: Path, message: string, code?: ErrorCode) => void;

/** Geometry problems reported before the rest are skipped (a file broken throughout says so once per field, not per vertex). */
const MAX_GEOMETRY_ISSUES = 20;

/**
 * Value checks for `problem.units` and the accounts' `unit` references, run as a refinement of
 * the problem schema: one object in a topology, unit ids present and unique, rings with at least
 * three corners, coordinates inside [−180, 180] × [−90, 90], arc references in range, a unit's own
 * `workload` and `potential` properties (when present and not null) finite numbers ≥ 0, and every
 * account `unit` naming a unit.
 */
export function checkUnits(problem: { units?: Units; accounts: readonly { unit?: string }[] }, ctx: z.RefinementCtx): void {
  const units = problem.units;
  if (units === undefined) return;
  const report: Report = (path, message, code = "invalid_input") => ctx.addIssue({ code: "custom", path, message, params: { code } });

  if (units.type === "Topology") {
    const names = Object.keys(units.objects);
    if (names.length !== 1) {
      const example = names[0] ?? "units";
      report(
        ["units", "objects"],
        `a topology of units must hold exactly one object, this one has ${names.length}${names.length > 0 ? ` (${names.map((n) => JSON.stringify(n)).join(", ")})` : ""}; keep the one with the units, e.g. { ...topology, objects: { ${example}: topology.objects.${example} } }`,
      );
      return;
    }
  }

  const records = unitRecords(units);
  if (records.length === 0) {
    report(["units", ...(units.type === "FeatureCollection" ? ["features"] : ["objects"])], "no units given: at least one Polygon or MultiPolygon unit is needed");
    return;
  }
  const seen = new Map<string, number>();
  records.forEach((record, u) => {
    const path: Path = ["units", ...record.path];
    if (record.id === undefined) return report([...path, "id"], "unit has no id: set the feature's id or properties.id");
    const id = String(record.id);
    if (id.length === 0) return report([...path, "id"], "unit id is empty");
    const first = seen.get(id);
    if (first !== undefined) report([...path, "id"], `duplicate unit id ${describeValue(id)} (also used by unit ${first})`, "duplicate_id");
    else seen.set(id, u);
  });
  records.forEach((record) => {
    for (const name of UNIT_WORK_PROPERTIES) {
      const value = record.properties?.[name];
      if (value === undefined || value === null || (typeof value === "number" && Number.isFinite(value) && value >= 0)) continue;
      const what = typeof value === "number" ? describeValue(value) : `${describeValue(value)} (${typeof value})`;
      report(["units", ...record.path, "properties", name], `${name} ${what} must be a finite number ≥ 0 (the unit's own ${name === "workload" ? "hours" : "potential"} per period, in addition to its accounts')`);
    }
  });

  let issues = 0;
  const geometryReport: Report = (path, message) => {
    if (issues++ < MAX_GEOMETRY_ISSUES) report(path, message);
  };
  if (units.type === "FeatureCollection") checkFeatures(units, geometryReport);
  else checkTopology(units, geometryReport);

  problem.accounts.forEach((account, a) => {
    if (account.unit !== undefined && account.unit !== "" && !seen.has(account.unit)) {
      report(["accounts", a, "unit"], `unit ${describeValue(account.unit)} is not the id of any unit`, "unknown_reference");
    }
  });
}

function checkFeatures(units: Extract<Units, { type: "FeatureCollection" }>, report: Report): void {
  units.features.forEach((feature, f) => {
    const g = feature.geometry;
    const base: Path = ["units", "features", f, "geometry", "coordinates"];
    const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    if (polygons.length === 0) report(base, `${g.type} has no polygons`);
    polygons.forEach((polygon, p) => {
      const at: Path = g.type === "Polygon" ? base : [...base, p];
      if (polygon.length === 0) report(at, "polygon has no rings");
      polygon.forEach((ring, r) => {
        ring.forEach((position, i) => checkPosition(position[0], position[1], position.length, [...at, r, i], report));
        checkRingLength(ring.length, closed(ring), [...at, r], report);
      });
    });
  });
}

function closed(ring: readonly (readonly number[])[]): boolean {
  const a = ring[0], b = ring[ring.length - 1];
  return ring.length > 1 && a[0] === b[0] && a[1] === b[1];
}

function checkRingLength(positions: number, isClosed: boolean, path: Path, report: Report): void {
  const corners = isClosed ? positions - 1 : positions;
  if (corners < 3) report(path, `ring has ${positions} position${positions === 1 ? "" : "s"}; a ring needs at least 3 distinct corners (4 positions, closed)`);
}

function checkPosition(lng: number, lat: number, length: number, path: Path, report: Report): void {
  if (length < 2) return report(path, `a position needs [lng, lat], got ${length} number${length === 1 ? "" : "s"}`);
  if (!(Number.isFinite(lng) && lng >= -180 && lng <= 180)) report([...path, 0], `longitude ${describeValue(lng)} is outside [-180, 180]`);
  else if (!(Number.isFinite(lat) && lat >= -90 && lat <= 90)) report([...path, 1], `latitude ${describeValue(lat)} is outside [-90, 90]`);
}

function checkTopology(units: UnitTopology, report: Report): void {
  const arcCount = units.arcs.length;
  units.arcs.forEach((arc, i) => {
    if (arc.length < 2) report(["units", "arcs", i], `an arc needs at least 2 positions, got ${arc.length}`);
    arc.forEach((position, j) => {
      if (position.length < 2 || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
        report(["units", "arcs", i, j], `expected a position of 2 finite numbers, got ${describeValue(position)}`);
      }
    });
  });
  const decoded = decodeArcs(units);
  decoded.forEach((arc, i) => {
    for (let j = 0; j < arc.length; j += 2) {
      if (!(arc[j] >= -180 && arc[j] <= 180 && arc[j + 1] >= -90 && arc[j + 1] <= 90)) {
        report(["units", "arcs", i, j / 2], `position decodes to [${arc[j]}, ${arc[j + 1]}], outside [-180, 180] × [-90, 90]`);
        break;
      }
    }
  });
  const [name, object] = Object.entries(units.objects)[0];
  const geometries = object.type === "GeometryCollection" ? object.geometries : [object];
  geometries.forEach((g, k) => {
    const base: Path = object.type === "GeometryCollection" ? ["units", "objects", name, "geometries", k, "arcs"] : ["units", "objects", name, "arcs"];
    const polygons = g.type === "Polygon" ? [g.arcs] : g.arcs;
    if (polygons.length === 0) report(base, `${g.type} has no polygons`);
    polygons.forEach((polygon, p) => {
      const at: Path = g.type === "Polygon" ? base : [...base, p];
      if (polygon.length === 0) report(at, "polygon has no rings");
      polygon.forEach((refs, r) => {
        let positions = 0;
        for (const ref of refs) {
          const arc = ref < 0 ? ~ref : ref;
          if (arc >= arcCount) return report([...at, r], `arc reference ${ref} is out of range (the topology has ${arcCount} arcs)`);
          positions += decoded[arc].length / 2 - 1;
        }
        checkRingLength(positions + 1, true, [...at, r], report);
      });
    });
  });
}
