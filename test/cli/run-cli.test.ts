import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/cli-io.js";
import { EXIT_INTERNAL, runCli } from "../../src/cli/run.js";

function memoryIo(readFile: (path: string) => string, debug = false): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    readFile,
    writeFile() {},
    makeDir() {},
    replaceFolder: (dir: string, _owned: readonly string[], fill: (folder: string) => void) => fill(dir),
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
    stderrIsTty: false,
    debug,
  };
  return io;
}

describe("runCli in process", () => {
  it("turns an unexpected error into exit code 70 and a short message without a stack trace", async () => {
    const io = memoryIo(() => {
      throw new Error("disk on fire");
    });
    const code = await runCli(["align", "--accounts", "a.csv", "--reps", "r.csv", "--out", "out"], io);
    expect(code).toBe(EXIT_INTERNAL);
    expect(io.err).toMatch(/^terralign: internal error: disk on fire\nterralign: this is a bug; please report it/);
    expect(io.err).not.toContain("    at ");
  });

  it("prints the stack trace of an unexpected error when debugging", async () => {
    const io = memoryIo(() => {
      throw new Error("disk on fire");
    }, true);
    expect(await runCli(["evaluate", "--accounts", "a.csv", "--reps", "r.csv"], io)).toBe(EXIT_INTERNAL);
    expect(io.err).toContain("    at ");
  });
});
