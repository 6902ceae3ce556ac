/**
 * The "nearest-rep floor" of the account-planning benchmark: the least a territory command must
 * do at a given size. Reads the accounts and reps CSVs with terralign's CSV reader, gives each
 * account its nearest rep (exact, on an equirectangular plane, through a uniform grid of rep
 * homes searched ring by ring) and writes `account_id,rep_id`. Prints the milliseconds from the
 * first read to the last write (process start and module loading excluded), so commands timed
 * end to end are compared with the floor's work alone.
 *
 * Usage: tsx benchmarks/nearest-rep-floor.ts ACCOUNTS.csv REPS.csv OUT.csv
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseCsv } from "../src/io/csv.js";
import { csvField } from "../src/output/csv-writer.js";

const [accountsPath, repsPath, outPath] = process.argv.slice(2);
const started = performance.now();
const accounts = parseCsv(readFileSync(accountsPath, "utf8"), accountsPath);
const reps = parseCsv(readFileSync(repsPath, "utf8"), repsPath);
const column = (header: readonly string[], name: string) => header.indexOf(name);
const [aId, aLng, aLat] = ["id", "lng", "lat"].map((name) => column(accounts.header, name));
const [rId, rLng, rLat] = ["id", "lng", "lat"].map((name) => column(reps.header, name));
const m = reps.records.length;
const rx = new Float64Array(m), ry = new Float64Array(m);
let meanLat = 0;
for (let r = 0; r < m; r++) meanLat += Number(reps.records[r].cells[rLat]) / m;
const cos = Math.cos((meanLat * Math.PI) / 180);
let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
for (let r = 0; r < m; r++) {
  rx[r] = Number(reps.records[r].cells[rLng]) * cos;
  ry[r] = Number(reps.records[r].cells[rLat]);
  minX = Math.min(minX, rx[r]), maxX = Math.max(maxX, rx[r]), minY = Math.min(minY, ry[r]), maxY = Math.max(maxY, ry[r]);
}
// About two reps per grid cell.
const side = Math.max(1, Math.ceil(Math.sqrt(m / 2)));
const cw = (maxX - minX) / side || 1, ch = (maxY - minY) / side || 1;
const cellOf = (x: number, y: number) => [Math.min(side - 1, Math.max(0, Math.floor((x - minX) / cw))), Math.min(side - 1, Math.max(0, Math.floor((y - minY) / ch)))];
const start = new Int32Array(side * side + 1), members = new Int32Array(m);
for (let r = 0; r < m; r++) start[cellOf(rx[r], ry[r])[1] * side + cellOf(rx[r], ry[r])[0] + 1]++;
for (let c = 0; c < side * side; c++) start[c + 1] += start[c];
const fill = start.slice();
for (let r = 0; r < m; r++) {
  const [cx, cy] = cellOf(rx[r], ry[r]);
  members[fill[cy * side + cx]++] = r;
}

function nearest(x: number, y: number): number {
  const [cx, cy] = cellOf(x, y);
  let best = -1, bestD = Infinity;
  for (let ring = 0; ring <= side; ring++) {
    // Points in ring k+1 are at least k cells away: stop once that exceeds the best distance.
    const reach = Math.max(0, ring - 1) * Math.min(cw, ch);
    if (best >= 0 && reach * reach > bestD) break;
    for (let gy = cy - ring; gy <= cy + ring; gy++) {
      if (gy < 0 || gy >= side) continue;
      for (let gx = cx - ring; gx <= cx + ring; gx++) {
        if (gx < 0 || gx >= side || (Math.abs(gx - cx) !== ring && Math.abs(gy - cy) !== ring)) continue;
        const c = gy * side + gx;
        for (let q = start[c]; q < start[c + 1]; q++) {
          const r = members[q];
          const d = (rx[r] - x) ** 2 + (ry[r] - y) ** 2;
          if (d < bestD) (bestD = d), (best = r);
        }
      }
    }
  }
  return best;
}

const pieces = ["account_id,rep_id\n"];
let lines: string[] = [];
const repIds = reps.records.map((r) => csvField(r.cells[rId]));
for (let i = 0; i < accounts.records.length; i++) {
  const cells = accounts.records[i].cells;
  lines.push(`${csvField(cells[aId])},${repIds[nearest(Number(cells[aLng]) * cos, Number(cells[aLat]))]}`);
  if (lines.length === 4096 || i === accounts.records.length - 1) {
    pieces.push(`${lines.join("\n")}\n`);
    lines = [];
  }
}
writeFileSync(outPath, pieces.join(""));
console.log(JSON.stringify({ ms: performance.now() - started }));
