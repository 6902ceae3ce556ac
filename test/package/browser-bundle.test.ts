import { build } from "esbuild";
import { describe, expect, it } from "vitest";

describe("the core library", () => {
  it("bundles for the browser without any Node built-in", async () => {
    const result = await build({
      entryPoints: ["src/index.ts"],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      logLevel: "silent",
      metafile: true,
    });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((file) => file.startsWith("src/cli/") || file.startsWith("src/io/"))).toBe(false);
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/from\s+["']node:/);
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|child_process|os|worker_threads)["']\)/);
  });
});
