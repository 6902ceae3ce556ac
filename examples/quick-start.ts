/**
 * Quick start: align six pharmacies between two reps and print the territories.
 * Run from a clone with `npx tsx examples/quick-start.ts`; in your own project import from "terralign".
 */
import { align, type Problem } from "../src/index.js";

const problem: Problem = {
  accounts: [
    { id: "pharmacy-1", location: [-103.35, 20.67], workload: 4, potential: 12_000 },
    { id: "pharmacy-2", location: [-103.4, 20.72], workload: 3, potential: 8_000 },
    { id: "pharmacy-3", location: [-103.3, 20.62], workload: 5, potential: 15_000, currentRep: "ana" },
    { id: "clinic-4", location: [-101.68, 21.12], workload: 6, potential: 30_000, lockedRep: "luis" },
    { id: "pharmacy-5", location: [-101.62, 21.15], workload: 2, potential: 5_000 },
    { id: "pharmacy-6", location: [-101.35, 20.68], workload: 4, potential: 9_000 },
  ],
  reps: [
    { id: "ana", home: [-103.39, 20.67], capacity: 15 }, // Guadalajara, hours per period
    { id: "luis", home: [-101.67, 21.13], capacity: 15 }, // León
  ],
};

const plan = align(problem, { balance: { workload: 0.2 }, seed: 1 });
console.log(`status: ${plan.status}, objective (workload × travel minutes): ${Math.round(plan.metrics.objective)}`);
for (const t of plan.territories) {
  console.log(`${t.repId}: ${t.accountIds.join(", ")} — ${t.workloadHours} h of ${t.targetHours.toFixed(1)} h target`);
}
