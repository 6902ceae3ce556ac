import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { runCli } from "../../src/cli/run.js";
import { TerralignError } from "../../src/errors.js";
import { smallProblem } from "./cli-harness.js";

/** An in-memory CliIo: files from a map, writes and output collected. */
function memoryIo(files: Record<string, string>) {
  const written = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile(path) {
      if (!(path in files)) throw new TerralignError("invalid_file", `cannot read ${path}: no such file`);
      return files[path];
    },
    writeFile: (path, text) => void written.set(path, typeof text === "string" ? text : [...text].join("")),
    makeDir: () => undefined,
    replaceFolder: (dir, _owned, fill) => fill(dir),
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stderrIsTty: false,
    debug: false,
  };
  return { io, written, stdout: () => out.join(""), stderr: () => err.join("") };
}

const fixture = (name: string) => readFileSync(new URL(`../fixtures/cpmp/${name}`, import.meta.url), "utf8");

describe("terralign cpmp", () => {
  it("prints exactly objective, 1-based medians, 1-based assignment and the lower bound with --json", async () => {
    const run = memoryIo({ "pmedcap01.txt": fixture("pmedcap01.txt") });
    expect(await runCli(["cpmp", "pmedcap01.txt", "--json"], run.io)).toBe(0);
    const report = JSON.parse(run.stdout());
    expect(Object.keys(report)).toEqual(["objective", "medians", "assignment", "lowerBound"]);
    expect(report.objective).toBe(713);
    expect(report.medians).toHaveLength(5);
    expect(report.medians.every((j: number) => Number.isInteger(j) && j >= 1 && j <= 50)).toBe(true);
    expect(report.assignment).toHaveLength(50);
    expect(report.assignment.every((k: number) => k >= 1 && k <= 5)).toBe(true);
    // Each median is served by itself.
    report.medians.forEach((j: number, t: number) => expect(report.assignment[j - 1]).toBe(t + 1));
    expect(report.lowerBound).toBeLessThanOrEqual(713);
  });

  it("prints a readable summary without --json", async () => {
    const run = memoryIo({ "g.dat": fixture("tsplib-30x3.dat") });
    expect(await runCli(["cpmp", "g.dat", "--seed", "2", "--time-limit", "30"], run.io)).toBe(0);
    expect(run.stdout()).toMatch(/^g\.dat: Lorena–Senne \(Euclidean distances\), 30 points, 3 medians\n {2}objective {4}\d+\.\d\d/);
    expect(run.stdout()).toMatch(/lower bound/);
  });

  it("exits 2 for a malformed file or usage and 1 for an infeasible instance", async () => {
    const run = memoryIo({ "neg.dat": "2 1\n0 0 10 4\n3 4 10 -5\n", "short.dat": "2 1\n0 0 10\n", "tight.dat": "2 1\n0 0 3 2\n3 4 3 2\n", "none.dat": "2 0\n0 0 10 4\n3 4 10 5\n" });
    expect(await runCli(["cpmp", "neg.dat"], run.io)).toBe(2);
    expect(await runCli(["cpmp", "short.dat"], run.io)).toBe(2);
    expect(await runCli(["cpmp"], run.io)).toBe(2);
    expect(await runCli(["cpmp", "missing.dat"], run.io)).toBe(2);
    expect(await runCli(["cpmp", "none.dat"], run.io)).toBe(2);
    expect(run.stderr()).toContain("none.dat: line 1: the number of medians p must be an integer ≥ 1, got 0");
    expect(await runCli(["cpmp", "tight.dat", "--json"], run.io)).toBe(1);
    expect(run.stderr()).toContain("terralign: neg.dat: line 3: point 2 has a negative demand (-5)");
    expect(run.stderr()).toContain("terralign: tight.dat: no feasible solution: total demand 4 exceeds the 1 largest capacities together (3)");
    expect(JSON.parse(run.stdout().trim().split("\n").at(-1)!)).toEqual({ objective: null, medians: [], assignment: [], lowerBound: null });
  });
});

describe("terralign place", () => {
  it("writes the align outputs and reps.csv with the chosen homes", async () => {
    const { accounts, reps } = smallProblem();
    const run = memoryIo({ "accounts.csv": accounts, "reps.csv": reps });
    expect(await runCli(["place", "--accounts", "accounts.csv", "--reps", "reps.csv", "--count", "4", "--out", "out"], run.io)).toBe(0);
    const written = [...run.written.keys()];
    for (const file of ["assignments.csv", "map.svg", "report.json", "report.md", "reps.csv", "territories.geojson"]) expect(written).toContain(`out/${file}`);
    const lines = run.written.get("out/reps.csv")!.trim().split("\n");
    expect(lines[0]).toBe("id,lng,lat,capacity,segments,region,max_travel_minutes,site_id,fixed");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["R1", "R2", "R3", "new-1"]);
    expect(run.stdout()).toMatch(/Placement lower bound/);
    // The reps file feeds straight back into align.
    const again = memoryIo({ "accounts.csv": accounts, "reps.csv": run.written.get("out/reps.csv")! });
    expect(await runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "again"], again.io)).toBe(0);
  });

  it("exits 2 with the reason for a bad count, a site off the globe or capacities too small", async () => {
    const { accounts, reps } = smallProblem();
    const run = memoryIo({ "accounts.csv": accounts, "reps.csv": reps, "sites.csv": "id,lng,lat\nS1,-101,95\n", "few.csv": "id,lng,lat\nS1,-101,20\n" });
    const base = ["place", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"];
    expect(await runCli([...base, "--count", "0"], run.io)).toBe(2);
    expect(await runCli([...base, "--count", "3", "--sites", "sites.csv"], run.io)).toBe(2);
    expect(await runCli([...base, "--count", "3", "--sites", "few.csv"], run.io)).toBe(2);
    expect(await runCli([...base, "--count", "3", "--capacity", "1", "--fixed", "nobody"], run.io)).toBe(2);
    const errors = run.stderr().trim().split("\n");
    expect(errors[0]).toBe('terralign: --count: "0" is not an integer ≥ 1');
    expect(errors[1]).toMatch(/^terralign: sites\.csv line 2.*latitude 95 is outside \[-90, 90\]/);
    expect(errors[2]).toMatch(/3 reps to place but only 1 candidate site/);
    expect(errors[3]).toMatch(/"nobody" is not the id of a rep/);
  });

  it("exits 2 when the reps' capacities cannot hold the total work", async () => {
    const { accounts } = smallProblem();
    const run = memoryIo({ "accounts.csv": accounts, "tiny.csv": "id,lng,lat,capacity\nR1,-103.39,20.67,1\nR2,-101.68,21.12,1\nR3,-100.39,20.59,1\n" });
    expect(await runCli(["place", "--accounts", "accounts.csv", "--reps", "tiny.csv", "--count", "3", "--out", "out"], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/3 reps with 3 h of capacity together cannot hold the total workload/);
  });
});

describe("terralign size", () => {
  it("prints the head count and how it compares with the lower bound", async () => {
    const { accounts } = smallProblem();
    const run = memoryIo({ "accounts.csv": accounts });
    expect(await runCli(["size", "--accounts", "accounts.csv", "--capacity", "40", "--balance", "0.3"], run.io)).toBe(0);
    expect(run.stdout()).toMatch(/^Head count: \d+ \((equals the lower bound|one above the lower bound)/);
    expect(run.stdout()).toMatch(/Lower bound: \d+ — workload \/ capacity \d+/);
  });

  it("exits 1 when no team can cover the accounts and 2 for bad input", async () => {
    const { accounts } = smallProblem();
    const run = memoryIo({ "accounts.csv": accounts, "far.csv": "id,lng,lat\nF,-70,-30\n" });
    expect(await runCli(["size", "--accounts", "accounts.csv", "--capacity", "400", "--max-travel-minutes", "30", "--sites", "far.csv"], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/no head count found: account .* is more than 30 minutes from every candidate site/);
    expect(await runCli(["size", "--accounts", "accounts.csv"], run.io)).toBe(2);
    expect(await runCli(["size", "--accounts", "accounts.csv", "--capacity", "-3"], run.io)).toBe(2);
    expect(await runCli(["size", "--accounts", "accounts.csv", "--capacity", "1"], run.io)).toBe(2);
  });

  it("exits 2 for a site off the globe and 1, naming the account, when the band and the travel limit leave a rep too little work", async () => {
    const town = Array.from({ length: 10 }, (_, a) => `T${a},${-103 + 0.01 * a},20,5`);
    const run = memoryIo({ "town.csv": ["id,lng,lat,workload", ...town, "FAR,-101,20,1"].join("\n"), "off.csv": "id,lng,lat\nS1,190,20\n" });
    expect(await runCli(["size", "--accounts", "town.csv", "--capacity", "100", "--sites", "off.csv"], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/off\.csv line 2.*longitude 190 is outside \[-180, 180\]/);
    expect(await runCli(["size", "--accounts", "town.csv", "--capacity", "100", "--balance", "0.1", "--max-travel-minutes", "30"], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/no head count found: .*within 30 minutes of account FAR gathers at most 1 h/);
  });

  it("has --help for each new command, and the general help lists them", async () => {
    for (const command of ["place", "size", "cpmp"]) {
      const run = memoryIo({});
      expect(await runCli([command, "--help"], run.io)).toBe(0);
      expect(run.stdout()).toMatch(new RegExp(`^terralign ${command} — `));
    }
    const run = memoryIo({});
    await runCli(["--help"], run.io);
    for (const command of ["place", "size", "cpmp"]) expect(run.stdout()).toContain(`  terralign ${command} `);
  });
});
