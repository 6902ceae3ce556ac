import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built binary, as `npm` installs it (`bin: terralign`). */
export const cliPath = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args` in `cwd` (with `env` over this process's environment) and collects its exit code and output. */
export function runCli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, TERRALIGN_DEBUG: "", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory holding the given files. */
export function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "terralign-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Column positions in `smallProblem().accounts` (the quoted `name` column comes last). */
export const column = { id: 0, lng: 1, lat: 2, workload: 3, potential: 4, currentRep: 5, lockedRep: 6, segment: 7 } as const;

/** Replaces one cell of a CSV text: `line` is 1-based (header = 1), `index` a column position. */
export function setCell(csv: string, line: number, index: number, value: string): string {
  const lines = csv.split("\n");
  const cells = lines[line - 1].split(",");
  cells[index] = value;
  lines[line - 1] = cells.join(",");
  return lines.join("\n");
}

/**
 * A small, feasible problem: 3 reps (Guadalajara, León, Morelia) with 14 accounts around each,
 * every account with a current rep (its nearest), total capacity 1.3 × total workload.
 */
export function smallProblem(): { accounts: string; reps: string } {
  const homes: [string, number, number][] = [
    ["R1", -103.39, 20.67],
    ["R2", -101.67, 21.13],
    ["R3", -101.18, 19.7],
  ];
  const rows = ["id,lng,lat,workload,potential,current_rep,locked_rep,segment,name"];
  let total = 0;
  homes.forEach(([rep, lng, lat], r) => {
    for (let i = 0; i < 14; i++) {
      const angle = (i / 14) * 2 * Math.PI;
      const radius = 0.05 + 0.02 * (i % 4);
      const workload = 1 + ((i * 7 + r) % 5);
      total += workload;
      rows.push(`A${r}-${i},${(lng + radius * Math.cos(angle)).toFixed(4)},${(lat + radius * Math.sin(angle)).toFixed(4)},${workload},${100 * workload},${rep},,${i % 3 === 0 ? "hospital" : "retail"},"Store ${i}, ${rep}"`);
    }
  });
  const capacity = Math.ceil((1.3 * total) / homes.length);
  const reps = ["id,lng,lat,capacity", ...homes.map(([id, lng, lat]) => `${id},${lng},${lat},${capacity}`)];
  return { accounts: `${rows.join("\n")}\n`, reps: `${reps.join("\n")}\n` };
}

/** A problem that keeps the heuristic's local search busy for many seconds. */
export function slowProblem(): { accounts: string; reps: string } {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const accounts = ["id,lng,lat,workload"];
  for (let i = 0; i < 6000; i++) accounts.push(`A${i},${(-100 + 4 * random()).toFixed(5)},${(18 + 4 * random()).toFixed(5)},${(0.5 + 3 * random()).toFixed(3)}`);
  const reps = ["id,lng,lat,capacity"];
  for (let r = 0; r < 60; r++) reps.push(`R${r},${(-100 + 4 * random()).toFixed(5)},${(18 + 4 * random()).toFixed(5)},200`);
  return { accounts: `${accounts.join("\n")}\n`, reps: `${reps.join("\n")}\n` };
}

/** True once process `pid` catches SIGINT (Linux: bit 2 of SigCgt in /proc/PID/status), i.e. it has set up its handler. */
export function catchesSigint(pid: number): boolean {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^SigCgt:\s*([0-9a-f]+)$/m);
    return line !== null && (BigInt(`0x${line[1]}`) & 2n) !== 0n;
  } catch {
    return false;
  }
}
