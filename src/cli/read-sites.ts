import { TerralignError } from "../errors.js";
import { readSourceTable } from "../io/read-problem.js";
import { readTable } from "../io/read-table.js";
import type { Site } from "../place/place-options.js";
import type { CliIo } from "./cli-io.js";

/** Sites read from a file, and a way to restate an error about site k in file terms. */
export interface SiteRecords {
  readonly sites: Site[];
  /** The same error, with `options.sites[k]` replaced by the file and line it came from. */
  restate(error: unknown): unknown;
}

/**
 * Reads candidate homes: CSV with `lng` (or `lon`, `longitude`) and `lat` (or `latitude`) and an
 * optional `id` (or `site_id`), or JSON / GeoJSON points. Other columns are ignored.
 */
export function readSites(io: CliIo, file: string): SiteRecords {
  const table = readSourceTable({ file, text: io.readFile(file) }, "sites");
  const { rows, originOf } = readTable(table, [{ key: "id", names: ["id", "site_id"], kind: "text" }], "location");
  const sites = rows.map(({ values, point }, k) => ({ id: (values[0] as string | undefined) ?? `site-${k + 1}`, location: point }));
  return {
    sites,
    restate(error) {
      if (!(error instanceof TerralignError)) return error;
      const path = error.issues[0]?.path ?? [];
      if (path[0] !== "options" || path[1] !== "sites" || typeof path[2] !== "number") return error;
      const message = error.issues[0].message;
      return new TerralignError("invalid_file", `${originOf(path[2]).where}: ${message}`, [{ path: [], message }]);
    },
  };
}
