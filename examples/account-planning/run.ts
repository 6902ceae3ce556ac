/**
 * Account planning with the library on the bundled central-Mexico data: plan → align → callplan,
 * the same steps as run.sh. Run: npx tsx examples/account-planning/run.ts
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { align, callPlan, planAccounts, type AccountPlanOptions, type CallPlanOptions } from "../../src/index.js";
import { readProblem } from "../../src/io/read-problem.js";

const here = dirname(fileURLToPath(import.meta.url));
const read = (path: string) => ({ file: path, text: readFileSync(join(here, path), "utf8") });
const json = (path: string) => JSON.parse(readFileSync(join(here, path), "utf8"));

const problem = readProblem(read("../mexico/accounts.csv"), read("../mexico/reps.csv"));
const planned = planAccounts(problem.accounts, json("plan.json") as AccountPlanOptions);
for (const t of planned.tiering.summary.tiers) {
  console.log(`tier ${t.name}: ${t.accounts} accounts, ${(100 * t.valueShare).toFixed(1)} % of potential`);
}
console.log(`Gini of potential ${planned.tiering.summary.gini?.toFixed(3)}`);

const territories = align({ accounts: planned.accounts, reps: problem.reps }, json("../mexico/options.json"));
console.log(`align: ${territories.status}, gap ${((territories.bound?.gap ?? NaN) * 100).toFixed(2)} %`);

const calls = callPlan(planned.accounts, problem.reps, territories, json("callplan.json") as CallPlanOptions);
const t = calls.totals;
console.log(`callplan: ${calls.status}; expected sales ${Math.round(t.expectedSales).toLocaleString("en-US")} per period`);
console.log(`  plain tier rule in the same hours ${Math.round(t.tierRuleSales!).toLocaleString("en-US")}: lift ${((100 * t.lift!) / t.tierRuleSales!).toFixed(1)} %`);
for (const rep of calls.reps.slice(0, 3)) {
  console.log(`  ${rep.repId}: ${rep.visits} visits in ${rep.hoursUsed.toFixed(1)} of ${rep.capacityHours} h, lift ${(100 * rep.liftShare!).toFixed(1)} %`);
}
