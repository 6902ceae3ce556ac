import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { replaceFolder } from "../../src/cli/replace-folder.js";
import { catchesSigint, cliPath, runCli, slowProblem, smallProblem, workspace } from "./cli-harness.js";

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Starts the CLI, sends SIGINT `times` times `afterMs` after it set up its handler, and collects the outcome. */
function interrupted(args: readonly string[], cwd: string, times: number, afterMs: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, TERRALIGN_DEBUG: "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const poll = setInterval(() => {
      if (!catchesSigint(child.pid!)) return;
      clearInterval(poll);
      setTimeout(() => {
        for (let i = 0; i < times; i++) setTimeout(() => child.kill("SIGINT"), i * 150);
      }, afterMs);
    }, 20);
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ code, stdout, stderr });
    });
  });
}

const align = ["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--strategy", "heuristic", "--time-limit", "120", "--out", "out"];

describe("Ctrl-C", () => {
  it("the first SIGINT stops the search and writes the best plan so far: status timeout, exit 1", async () => {
    const slow = slowProblem();
    const dir = workspace({ "accounts.csv": slow.accounts, "reps.csv": slow.reps });
    const started = Date.now();
    const run = await interrupted(align, dir, 1, 1500);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("terralign: interrupted: stopping the search");
    expect(run.stderr).toMatch(/plan is timeout: the interrupt \(Ctrl-C\) stopped the search; the plan is the best found so far/);
    expect(run.stdout).toMatch(/^Plan: timeout/m);
    const report = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8"));
    expect(report.status).toBe("timeout");
    expect(readFileSync(join(dir, "out/assignments.csv"), "utf8").trimEnd().split("\n")).toHaveLength(6001);
  });

  it("a second SIGINT exits at once with 130 and leaves the previous outputs and no staging folder", async () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps });
    expect(runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"], dir).code).toBe(0);
    const before = Object.fromEntries(readdirSync(join(dir, "out")).map((f) => [f, readFileSync(join(dir, "out", f), "utf8")]));
    const slow = slowProblem();
    writeFileSync(join(dir, "accounts.csv"), slow.accounts);
    writeFileSync(join(dir, "reps.csv"), slow.reps);
    const run = await interrupted(align, dir, 2, 1500);
    expect(run.code).toBe(130);
    expect(run.stdout).toBe("");
    const after = Object.fromEntries(readdirSync(join(dir, "out")).map((f) => [f, readFileSync(join(dir, "out", f), "utf8")]));
    expect(after).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes("terralign"))).toEqual([]);
  });
});

describe("SIGTERM and SIGHUP", () => {
  // The command's thread here makes a staging folder, says so as a command does, and waits: the
  // signal comes while the folder is being written.
  const commandThread = `
    import { mkdtempSync, writeFileSync } from "node:fs";
    import { join } from "node:path";
    import { parentPort } from "node:worker_threads";
    const folder = mkdtempSync(join(process.argv[2], ".out.terralign-"));
    parentPort.postMessage({ staging: folder });
    writeFileSync(join(folder, "assignments.csv"), "account_id,rep_id\\n");
    setInterval(() => {}, 1000);
  `;
  const mainThread = (dir: string) => `
    import { runInWorker } from ${JSON.stringify(fileURLToPath(new URL("../../src/cli/run-in-worker.ts", import.meta.url)))};
    process.exitCode = await runInWorker(new URL(${JSON.stringify(pathToFileURL(join(dir, "thread.mjs")).href)}), [${JSON.stringify(dir)}], false);
  `;

  it.each(["SIGTERM", "SIGHUP"] as const)("%s removes the staging folder being written and ends the run by that signal", async (signal) => {
    const dir = workspace({});
    writeFileSync(join(dir, "thread.mjs"), commandThread);
    writeFileSync(join(dir, "main.mts"), mainThread(dir));
    const staging = () => readdirSync(dir).filter((f) => f.includes("terralign"));
    const ended = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      // From the repository, where the TypeScript loader (tsx) is found.
      const child = spawn(process.execPath, ["--import", "tsx", join(dir, "main.mts")], { cwd: fileURLToPath(new URL("../..", import.meta.url)), stdio: "ignore" });
      const poll = setInterval(() => {
        if (staging().length === 0 || !existsSync(join(dir, staging()[0], "assignments.csv"))) return;
        clearInterval(poll);
        // The main thread has heard of the folder by the time the file is in it (the note comes first).
        setTimeout(() => child.kill(signal), 200);
      }, 20);
      child.on("close", (code, sig) => {
        clearInterval(poll);
        resolve([code, sig]);
      });
    });
    expect(ended).toEqual([null, signal]);
    expect(staging()).toEqual([]);
  });
});

describe("Ctrl-C in the sweeps", () => {
  const slowFlags = ["--accounts", "accounts.csv", "--reps", "reps.csv", "--strategy", "heuristic", "--time-limit", "120"];

  it("tradeoff: the first SIGINT stops the sweep; every point is written with its best plan so far, status timeout, exit 1", async () => {
    const slow = slowProblem();
    const dir = workspace({ "accounts.csv": slow.accounts, "reps.csv": slow.reps });
    const started = Date.now();
    const run = await interrupted(["tradeoff", ...slowFlags, "--bands", "0.05,0.1", "--out", "curve"], dir, 1, 1500);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("terralign: interrupted: stopping the search");
    const rows = readFileSync(join(dir, "curve/tradeoff.csv"), "utf8").trimEnd().split("\n");
    expect(rows).toHaveLength(3);
    const status = rows[0].split(",").indexOf("status");
    expect(rows.slice(1).map((row) => row.split(",")[status])).toEqual(["timeout", "timeout"]);
    for (const folder of ["band-5%", "band-10%"]) expect(readFileSync(join(dir, "curve", folder, "assignments.csv"), "utf8").trimEnd().split("\n")).toHaveLength(6001);
  });

  it("scenarios: the first SIGINT stops them; each is written with its best plan so far, status timeout, exit 1", async () => {
    const slow = slowProblem();
    const scenarios = { scenarios: [{ name: "base" }, { name: "wide", options: { balance: { workload: 0.2 } } }] };
    const dir = workspace({ "accounts.csv": slow.accounts, "reps.csv": slow.reps, "scenarios.json": JSON.stringify(scenarios) });
    const run = await interrupted(["scenarios", ...slowFlags, "--scenarios", "scenarios.json", "--out", "cmp"], dir, 1, 1500);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("terralign: interrupted: stopping the search");
    const rows = readFileSync(join(dir, "cmp/compare.csv"), "utf8").trimEnd().split("\n");
    const status = rows[0].split(",").indexOf("status");
    expect(rows.slice(1).map((row) => row.split(",")[status])).toEqual(["timeout", "timeout"]);
    for (const name of ["base", "wide"]) expect(readFileSync(join(dir, "cmp", name, "assignments.csv"), "utf8").trimEnd().split("\n")).toHaveLength(6001);
  });
});

describe("outputs replaced as a whole", () => {
  it("a write that fails half-way leaves the previous set and no staging folder", () => {
    const dir = workspace({});
    const out = join(dir, "out");
    replaceFolder(out, ["a.csv", "b.csv"], (folder) => {
      writeFileSync(join(folder, "a.csv"), "old a");
      writeFileSync(join(folder, "b.csv"), "old b");
    });
    expect(() =>
      replaceFolder(out, ["a.csv", "b.csv"], (folder) => {
        writeFileSync(join(folder, "a.csv"), "new a");
        throw new Error("disk full");
      }),
    ).toThrow("disk full");
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("old a");
    expect(readFileSync(join(out, "b.csv"), "utf8")).toBe("old b");
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("a new set drops the files of the old one it does not write, and keeps the user's other files", () => {
    const dir = workspace({});
    const out = join(dir, "out");
    replaceFolder(out, ["a.csv", "moved.csv"], (folder) => {
      writeFileSync(join(folder, "a.csv"), "old a");
      writeFileSync(join(folder, "moved.csv"), "old moves");
    });
    writeFileSync(join(out, "notes.txt"), "mine");
    replaceFolder(out, ["a.csv", "moved.csv"], (folder) => writeFileSync(join(folder, "a.csv"), "new a"));
    expect(readdirSync(out).sort()).toEqual(["a.csv", "notes.txt"]);
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("new a");
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("mine");
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("with a subfolder inside, files are replaced one by one and the subfolder stays", () => {
    const dir = workspace({});
    const out = join(dir, "out");
    mkdirSync(join(out, "keep"), { recursive: true });
    writeFileSync(join(out, "a.csv"), "old a");
    replaceFolder(out, ["a.csv"], (folder) => writeFileSync(join(folder, "a.csv"), "new a"));
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("new a");
    expect(existsSync(join(out, "keep"))).toBe(true);
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("a set with folders of its own replaces the old folders whole, and a folder it no longer writes goes", () => {
    const dir = workspace({});
    const out = join(dir, "out");
    const owned = (name: string, isDirectory: boolean) => isDirectory || name === "summary.csv";
    replaceFolder(out, owned, (folder) => {
      writeFileSync(join(folder, "summary.csv"), "old");
      for (const point of ["p1", "p2"]) {
        mkdirSync(join(folder, point));
        writeFileSync(join(folder, point, "a.csv"), `old ${point}`);
      }
    });
    writeFileSync(join(out, "notes.txt"), "mine");
    replaceFolder(out, owned, (folder) => {
      writeFileSync(join(folder, "summary.csv"), "new");
      mkdirSync(join(folder, "p1"));
      writeFileSync(join(folder, "p1", "a.csv"), "new p1");
    });
    expect(readdirSync(out).sort()).toEqual(["notes.txt", "p1", "summary.csv"]);
    expect(readFileSync(join(out, "p1", "a.csv"), "utf8")).toBe("new p1");
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("tradeoff writes its set whole: a second tradeoff with other budgets leaves none of the first's points", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps });
    const base = ["tradeoff", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"];
    expect([0, 1]).toContain(runCli([...base, "--budgets", "5,50%"], dir).code);
    const first = readdirSync(join(dir, "out")).sort();
    expect(first.filter((f) => !f.startsWith("tradeoff")).length).toBe(2);
    expect([0, 1]).toContain(runCli([...base, "--budgets", "10"], dir).code);
    const second = readdirSync(join(dir, "out")).sort();
    expect(second.filter((f) => !f.startsWith("tradeoff")).length).toBe(1);
    expect(readFileSync(join(dir, "out", "tradeoff.csv"), "utf8").trim().split("\n")).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.includes("terralign"))).toEqual([]);
  });

  it("a run killed while writing leaves either the previous set or the new one, never a mix", { timeout: 180_000 }, async () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "wide.json": '{"balance": {"workload": 0.3}}' });
    expect(runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"], dir).code).toBe(0);
    const first = readFileSync(join(dir, "out/report.json"), "utf8");
    expect(runCli(["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "wide.json", "--out", "second"], dir).code).toBe(0);
    const second = readFileSync(join(dir, "second/report.json"), "utf8");
    const sets = [first, second].map((report) => JSON.parse(report).metrics.objective);
    for (const delay of [300, 500, 700, 900]) {
      const child = spawn(process.execPath, [cliPath, "align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "wide.json", "--out", "out"], { cwd: dir });
      // Listening from the start: a run may end before the kill.
      const closed = new Promise((resolve) => child.on("close", resolve));
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill("SIGKILL");
      await closed;
      const report = JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8"));
      const csv = readFileSync(join(dir, "out/assignments.csv"), "utf8");
      expect(sets).toContain(report.metrics.objective);
      // The assignments belong to the same run as the report: the same number of accounts per rep.
      const counts = new Map<string, number>();
      for (const line of csv.trimEnd().split("\n").slice(1)) counts.set(line.split(",")[1], (counts.get(line.split(",")[1]) ?? 0) + 1);
      for (const t of report.territories as { repId: string; accountCount: number }[]) expect(counts.get(t.repId) ?? 0).toBe(t.accountCount);
    }
  });
});
