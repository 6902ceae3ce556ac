import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shouldRelaunch } from "../../src/cli/relaunch.js";
import { catchesSigint, cliPath, runCli, slowProblem, smallProblem, workspace } from "./cli-harness.js";

const linux = process.platform === "linux";

/** The child processes of `pid` (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The command line of process `pid`, word by word. */
function commandOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}

function withoutThreshold(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { MALLOC_MMAP_THRESHOLD_: _, ...rest } = env;
  return rest;
}

/** Starts `align` relaunched (`TERRALIGN_RELAUNCH=1`, `env` over this environment) on a problem that keeps it searching for many seconds. */
function slowRelaunchedAlign(env: NodeJS.ProcessEnv = { ...process.env }) {
  const slow = slowProblem();
  const dir = workspace({ "accounts.csv": slow.accounts, "reps.csv": slow.reps });
  const launcher = spawn(process.execPath, [cliPath, "align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--strategy", "heuristic", "--time-limit", "120", "--out", "out"], {
    cwd: dir,
    env: { ...env, TERRALIGN_RELAUNCH: "1" },
  });
  // The child once it runs node with the settings (forked but not yet exec'd, /proc shows the launcher's own command and environment).
  const child = () => childrenOf(launcher.pid!).find((pid) => commandOf(pid).includes("--heap-growing-percent=30"));
  return { dir, launcher, child };
}

const waitFor = async (test: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) if (test()) return true;
  return test();
};

describe("shouldRelaunch", () => {
  it.runIf(linux)("relaunches for an accounts file of 16 MiB or more, in either flag form, unless told otherwise", () => {
    const dir = workspace({ "small.csv": "id,lng,lat,workload\n", "large.csv": "x".repeat(16 * 2 ** 20) });
    const at = (name: string) => join(dir, name);
    expect(shouldRelaunch(["align", "--accounts", at("small.csv")], {})).toBe(false);
    expect(shouldRelaunch(["align", "--accounts", at("large.csv")], {})).toBe(true);
    expect(shouldRelaunch(["plan", `--accounts=${at("large.csv")}`], {})).toBe(true);
    expect(shouldRelaunch(["align", "--accounts", at("missing.csv")], {})).toBe(false);
    // JSON takes about four times the bytes per account: 16 MiB of it is a middling run.
    writeFileSync(at("accounts.json"), "x".repeat(16 * 2 ** 20));
    expect(shouldRelaunch(["align", "--accounts", at("accounts.json")], {})).toBe(false);
    expect(shouldRelaunch(["align", "--reps", at("large.csv")], {})).toBe(false);
    expect(shouldRelaunch(["align", "--accounts", at("large.csv")], { TERRALIGN_RELAUNCH: "0" })).toBe(false);
    expect(shouldRelaunch(["align", "--accounts", at("large.csv")], { TERRALIGN_RELAUNCHED: "1" })).toBe(false);
    expect(shouldRelaunch(["align", "--accounts", at("small.csv")], { TERRALIGN_RELAUNCH: "1" })).toBe(true);
    expect(shouldRelaunch(["align", "--accounts", at("small.csv")], { TERRALIGN_RELAUNCH: "1", TERRALIGN_RELAUNCHED: "1" })).toBe(false);
  });
});

describe.runIf(linux)("a relaunched run", () => {
  it("writes what a run in one process writes, with the same exit code and output", () => {
    const { accounts, reps } = smallProblem();
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps });
    const args = (out: string) => ["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", out];
    const direct = runCli(args("direct"), dir, { TERRALIGN_RELAUNCH: "0" });
    const relaunched = runCli(args("relaunched"), dir, { TERRALIGN_RELAUNCH: "1" });
    expect(relaunched.code).toBe(0);
    expect(relaunched.code).toBe(direct.code);
    expect(relaunched.stdout.replaceAll("relaunched", "direct").replace(/\d+(\.\d+)? ?(ms|s)\b/g, "T")).toBe(direct.stdout.replace(/\d+(\.\d+)? ?(ms|s)\b/g, "T"));
    expect(readFileSync(join(dir, "relaunched/assignments.csv"), "utf8")).toBe(readFileSync(join(dir, "direct/assignments.csv"), "utf8"));
    // Bad input keeps its exit code through the launcher.
    writeFileSync(join(dir, "bad.csv"), "id,lng,lat,workload\nA1,500,0,1\n");
    const bad = runCli(["align", "--accounts", "bad.csv", "--reps", "reps.csv", "--out", "bad"], dir, { TERRALIGN_RELAUNCH: "1" });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^terralign: bad\.csv/m);
  });

  it("runs the child with the memory settings, and the child quits when the launcher is killed", async () => {
    const { dir, launcher, child: started } = slowRelaunchedAlign(withoutThreshold(process.env));
    const closed = new Promise((resolve) => launcher.on("close", resolve));
    expect(await waitFor(() => started() !== undefined, 10_000)).toBe(true);
    const child = started()!;
    const environ = readFileSync(`/proc/${child}/environ`, "utf8").split("\0");
    expect(environ).toContain("TERRALIGN_RELAUNCHED=1");
    expect(environ).toContain(`MALLOC_MMAP_THRESHOLD_=${4 * 2 ** 20}`);
    await new Promise((r) => setTimeout(r, 1500));
    launcher.kill("SIGKILL");
    await closed;
    expect(await waitFor(() => !alive(child), 10_000)).toBe(true);
    expect(readdirSync(dir).filter((f) => f !== "accounts.csv" && f !== "reps.csv")).toEqual([]);
  });

  it("passes a SIGINT that comes before the child is ready on once it is: the search stops, status timeout, exit 1", async () => {
    const { dir, launcher } = slowRelaunchedAlign({ ...process.env, TERRALIGN_DEBUG: "" });
    let stderr = "";
    launcher.stderr.on("data", (d) => (stderr += d));
    const code = new Promise((resolve) => launcher.on("close", resolve));
    // As soon as the launcher has a child, before that child can have set up its handlers.
    expect(await waitFor(() => childrenOf(launcher.pid!).length > 0, 10_000)).toBe(true);
    launcher.kill("SIGINT");
    expect(await code).toBe(1);
    expect(stderr).toContain("terralign: interrupted: stopping the search");
    expect(JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).status).toBe("timeout");
  });

  it("takes a SIGINT that reaches the launcher and the child at once (a tool signalling the whole tree) as one: the search stops, status timeout, exit 1", async () => {
    const { dir, launcher, child } = slowRelaunchedAlign({ ...process.env, TERRALIGN_DEBUG: "" });
    const code = new Promise((resolve) => launcher.on("close", resolve));
    // Once the child listens for SIGINT (bit 2 of SigCgt), and has had time to tell the launcher.
    expect(await waitFor(() => child() !== undefined && catchesSigint(child()!), 15_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    // The child hears it directly, then from the launcher a moment later (two signals, not one the kernel merged).
    process.kill(child()!, "SIGINT");
    await new Promise((r) => setTimeout(r, 30));
    launcher.kill("SIGINT");
    expect(await code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, "out/report.json"), "utf8")).status).toBe("timeout");
  });

  it("ends by the signal that ended the child, as a run in one process would", async () => {
    const { launcher, child } = slowRelaunchedAlign();
    const ended = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => launcher.on("close", (c, s) => resolve([c, s])));
    expect(await waitFor(() => child() !== undefined, 15_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000));
    launcher.kill("SIGTERM");
    expect(await ended).toEqual([null, "SIGTERM"]);
  });
});
