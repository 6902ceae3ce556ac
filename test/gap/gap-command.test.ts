import { describe, expect, it } from "vitest";
import { runGapCommand } from "../../src/cli/gap-command.js";
import { TerralignError } from "../../src/errors.js";
import { bruteForce, randomInstance, toGapText } from "./gap-fixtures.js";

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      readFile(path: string) {
        if (!(path in files)) throw new TerralignError("invalid_input", `${path}: no such file`);
        return files[path];
      },
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
    },
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

const first = randomInstance(3, 8, 201, 1.1);
const second = randomInstance(2, 6, 202, 1.1);
const single = toGapText(first);
const multi = `2\n${toGapText(first)}${toGapText(second)}`;

describe("terralign gap", () => {
  it("prints one JSON object with objective, bounds, status, time and a 0-based assignment", async () => {
    const run = memoryIo({ "one.txt": single });
    const code = await runGapCommand(["one.txt", "--strategy", "mip", "--json", "--time-limit", "20"], run.io);
    expect(code).toBe(0);
    const report = JSON.parse(run.stdout());
    const truth = bruteForce(first);
    expect(report).toMatchObject({ objective: truth.cost, lowerBound: truth.cost, upperBound: truth.cost, feasible: true, optimal: true, sense: "min" });
    expect(report.assignment).toHaveLength(first.n);
    expect(report.assignment.every((i: number) => Number.isInteger(i) && i >= 0 && i < first.m)).toBe(true);
    expect(typeof report.seconds).toBe("number");
  });

  it("maximises with --sense max: objective is the maximum, the relaxation an upper bound", async () => {
    const run = memoryIo({ "one.txt": single });
    await runGapCommand(["one.txt", "--sense", "max", "--strategy", "mip", "--json"], run.io);
    const report = JSON.parse(run.stdout());
    const negated = { ...first, cost: first.cost.map((c) => -c) };
    expect(report.objective).toBe(-bruteForce(negated).cost);
    expect(report.upperBound).toBeGreaterThanOrEqual(report.objective);
    expect(report.lowerBound).toBe(report.objective);
  });

  it("solves every instance of a multi-instance file as a JSON array, or one with --instance", async () => {
    const all = memoryIo({ "many.txt": multi });
    await runGapCommand(["many.txt", "--json", "--time-limit", "2"], all.io);
    const reports = JSON.parse(all.stdout());
    expect(reports.map((r: { instance: number }) => r.instance)).toEqual([0, 1]);
    expect(reports[1].objective).toBe(bruteForce(second).cost);

    const one = memoryIo({ "many.txt": multi });
    await runGapCommand(["many.txt", "--json", "--instance", "1", "--time-limit", "2"], one.io);
    expect(JSON.parse(one.stdout()).instance).toBe(1);
  });

  it("prints a readable summary without --json", async () => {
    const run = memoryIo({ "one.txt": single });
    expect(await runGapCommand(["one.txt", "--strategy", "heuristic", "--time-limit", "2"], run.io)).toBe(0);
    expect(run.stdout()).toMatch(/3 agents × 8 jobs, minimise: /);
    expect(run.stdout()).toMatch(/assignment( \d){8}\n/);
  });

  it("exits 2 with the position of a bad token", async () => {
    const run = memoryIo({ "bad.txt": single.replace(/\d+/, "x1") });
    expect(await runGapCommand(["bad.txt"], run.io)).toBe(2);
    expect(run.stderr()).toMatch(/^terralign: bad\.txt: GAP file: token 1 at line 1, column 1: expected a number, got "x1"\n$/);
  });

  it("exits 2 for a missing file, a bad option and an instance that does not exist", async () => {
    for (const args of [["nope.txt"], ["one.txt", "--strategy", "simplex"], ["one.txt", "--time-limit", "-1"], ["one.txt", "--instance", "3"], [], ["one.txt", "two.txt"]]) {
      const run = memoryIo({ "one.txt": single });
      expect(await runGapCommand(args, run.io), args.join(" ")).toBe(2);
      expect(run.stderr()).toMatch(/^terralign: /);
      expect(run.stdout()).toBe("");
    }
  });

  it("exits 1 when an instance has no feasible assignment", async () => {
    const tight = { ...second, capacity: new Float64Array(second.m).fill(1) };
    const run = memoryIo({ "tight.txt": toGapText(tight) });
    expect(await runGapCommand(["tight.txt", "--json", "--time-limit", "1"], run.io)).toBe(1);
    const report = JSON.parse(run.stdout());
    expect(report.feasible).toBe(false);
    expect(report.objective).toBeNull();
  });

  it("prints its help with --help", async () => {
    const run = memoryIo({});
    expect(await runGapCommand(["--help"], run.io)).toBe(0);
    expect(run.stdout()).toContain("terralign gap FILE");
  });
});
