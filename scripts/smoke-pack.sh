#!/usr/bin/env bash
# Packs terralign as a user receives it, installs the tarball into a fresh project and uses it
# from ESM, from CommonJS and through the bin. Run after `npm run build`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"

mkdir -p "$work/app" && cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball"

cat > problem.json <<'JSON'
{
  "accounts": [
    { "id": "a1", "location": [-99.13, 19.43], "workload": 10, "potential": 100 },
    { "id": "a2", "location": [-99.2, 19.5], "workload": 12 },
    { "id": "a3", "location": [-98.2, 19.0], "workload": 9 },
    { "id": "a4", "location": [-98.3, 19.1], "workload": 11 }
  ],
  "reps": [
    { "id": "r1", "home": [-99.1, 19.4], "capacity": 30 },
    { "id": "r2", "home": [-98.25, 19.05], "capacity": 30 }
  ]
}
JSON

cat > esm.mjs <<'JS'
import { readFileSync } from "node:fs";
import { align, alignAsync, evaluate, TerralignError, defaultOptions } from "terralign";
import { toGeoJSON } from "terralign/output";
import { parseCsv } from "terralign/node";
import { solveGapExact } from "terralign/exact";
const problem = JSON.parse(readFileSync("problem.json", "utf8"));
const plan = align(problem, { balance: { workload: 0.2 } });
if (plan.status !== "feasible" && plan.status !== "optimal") throw new Error(`ESM: unexpected status ${plan.status}`);
const scored = evaluate(problem, plan.assignment);
if (Math.abs(scored.metrics.objective - plan.metrics.objective) > 1e-9) throw new Error("ESM: evaluate disagrees with align");
try { align({ accounts: [], reps: [] }); throw new Error("ESM: no error for no reps"); } catch (e) { if (!(e instanceof TerralignError)) throw e; }
const inWorker = await alignAsync(problem, { balance: { workload: 0.2 } });
if (JSON.stringify(inWorker.assignment) !== JSON.stringify(plan.assignment)) throw new Error("ESM: alignAsync disagrees with align");
const geojson = toGeoJSON(plan);
if (geojson.type !== "FeatureCollection") throw new Error("ESM: terralign/output toGeoJSON");
if (parseCsv("id;x\n1;2\n", "t.csv").delimiter !== ";") throw new Error("ESM: terralign/node parseCsv");
if (typeof solveGapExact !== "function") throw new Error("ESM: terralign/exact");
console.log(`ESM ok: ${plan.status}, objective ${plan.metrics.objective.toFixed(1)}, default band ${defaultOptions.balance.workload}, alignAsync and the output, node and exact entries`);
JS
node esm.mjs

cat > cjs.cjs <<'JS'
const { readFileSync } = require("node:fs");
const { align, TerralignError } = require("terralign");
const plan = align(JSON.parse(readFileSync("problem.json", "utf8")), { balance: { workload: 0.2 } });
if (plan.assignment.length !== 4) throw new Error("CJS: expected 4 assigned accounts");
if (typeof TerralignError !== "function") throw new Error("CJS: TerralignError missing");
const { renderSvg } = require("terralign/output");
if (!renderSvg(plan).startsWith("<svg")) throw new Error("CJS: terralign/output renderSvg");
const { readProblem } = require("terralign/node");
try { readProblem({ file: "a.csv", text: "id,lng,lat,workload\na,1,2,x\n" }, { file: "r.csv", text: "id,lng,lat,capacity\nr,1,2,3\n" }); throw new Error("CJS: no error"); }
catch (e) { if (!(e instanceof TerralignError)) throw new Error("CJS: an error from terralign/node is not the core's TerralignError"); }
require("terralign").alignAsync(JSON.parse(readFileSync("problem.json", "utf8"))).then((p) => console.log(`CJS ok: ${plan.status}, alignAsync ${p.status}, output and node entries`));
JS
node cjs.cjs

cp "$root/examples/mexico/accounts.csv" "$root/examples/mexico/reps.csv" .
npx --no-install terralign --help >/dev/null
npx --no-install terralign align --accounts accounts.csv --reps reps.csv --out out >/dev/null
for file in assignments.csv report.json territories.geojson map.svg report.md; do
  test -s "out/$file" || { echo "bin: out/$file missing"; exit 1; }
done
set +e
npx --no-install terralign align --accounts missing.csv --reps reps.csv --out out 2>err.txt
code=$?
set -e
[[ $code -eq 2 ]] || { echo "bin: expected exit 2 for a missing file, got $code"; exit 1; }
if grep -q "    at " err.txt; then echo "bin: stack trace printed"; exit 1; fi
echo "bin ok: outputs written, bad input exits 2 ($(head -c 120 err.txt))"
