/**
 * Runs every strategy on planted-feasible problems (see test/support/planted-problem.ts) and counts
 * untrue answers: `infeasible` on a feasible problem, a broken rule under `feasible`/`optimal`.
 * Usage: tsx scripts/fuzz-statuses.ts [count per size] [first seed] [sizes, comma-separated] [strategies]
 */
import { align } from "../src/align.js";
import { compileProblem } from "../src/compile/compile.js";
import { parseProblem, resolveOptions } from "../src/model/parse.js";
import { checkAssignment } from "../src/rules/check-assignment.js";
import { plantedProblem, type PlantedSize } from "../test/support/planted-problem.js";

const count = Number(process.argv[2] ?? 100);
const first = Number(process.argv[3] ?? 1);
const sizes = (process.argv[4] ?? "tiny,small,medium").split(",") as PlantedSize[];
const strategies = (process.argv[5] ?? "transport,heuristic,gap,mip").split(",") as ("transport" | "heuristic" | "gap" | "mip")[];

for (const size of sizes) {
  for (const strategy of strategies) {
    const tally: Record<string, number> = {};
    const examples: string[] = [];
    const started = Date.now();
    for (let seed = first; seed < first + count; seed++) {
      const { problem, balance, planted, features } = plantedProblem(seed, size);
      const options = { strategy, balance: { workload: balance }, timeLimitMs: 5000 };
      const resolved = resolveOptions(options);
      const p = compileProblem(parseProblem(problem), resolved);
      const plantedAssign = Int32Array.from(planted, (id) => Number(id.slice(1)));
      const plantedBreaks = checkAssignment(problem, p, plantedAssign);
      if (plantedBreaks.length > 0) {
        tally["bad-plant"] = (tally["bad-plant"] ?? 0) + 1;
        if (examples.length < 3) examples.push(`seed ${seed}: planted breaks ${plantedBreaks[0].message}`);
        continue;
      }
      const plan = align(problem, options);
      const rep = new Map(problem.reps.map((r, i) => [r.id, i]));
      const assign = new Int32Array(p.n).fill(-1);
      const index = new Map(problem.accounts.map((a, i) => [a.id, i]));
      for (const row of plan.assignment) assign[index.get(row.accountId)!] = rep.get(row.repId)!;
      const breaks = checkAssignment(problem, p, assign);
      let key: string = plan.status;
      if ((plan.status === "feasible" || plan.status === "optimal") && breaks.length > 0) key = `${plan.status}-but-broken`;
      if (plan.status === "infeasible") key = breaks.length === 0 ? "infeasible-but-clean" : "infeasible";
      tally[key] = (tally[key] ?? 0) + 1;
      if (key !== "feasible" && key !== "optimal" && examples.length < 4) {
        examples.push(`seed ${seed} (n ${p.n}, m ${p.m}, ${features.join(", ")}): ${key}; ${breaks[0]?.message ?? ""}; ${plan.diagnostics.find((d) => d.severity === "error")?.message ?? ""}`);
      }
    }
    console.log(`${size} ${strategy}: ${JSON.stringify(tally)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    for (const e of examples) console.log(`  ${e}`);
  }
}
