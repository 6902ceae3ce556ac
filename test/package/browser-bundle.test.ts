import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const available = existsSync(executablePath);
if (!available) {
  const line = "!".repeat(100);
  console.error(`\n${line}\n!!! Chromium not found at ${executablePath}: the core's browser test is SKIPPED.\n!!! Install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n${line}\n`);
}

/** Modules that must stay out of the core entry: drawing, polygon clipping, the LP-solver adapters, files. */
const heavy = [/^src\/output\//, /^src\/units\/dissolve/, /^src\/solvers\/mip\/(lp-solver|highs)-adapter/, /^src\/(cli|io)\//, /node_modules\/(d3-|delaunator|polygon-clipping|javascript-lp-solver|highs|topojson)/];

/** Bundles `contents` (an app's module), or the file itself when `contents` names a .ts file. */
async function bundle(contents: string, minify = true) {
  const input = contents.endsWith(".ts") ? { entryPoints: [contents] } : { stdin: { contents, resolveDir: process.cwd(), loader: "ts" as const, sourcefile: "app.ts" } };
  const result = await build({
    ...input,
    bundle: true,
    platform: "browser",
    format: "esm",
    minify,
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  return { code: result.outputFiles[0].text, inputs: Object.keys(result.metafile.inputs), metafile: result.metafile as Metafile };
}

const gzipKb = (code: string) => gzipSync(code).length / 1024;

describe("the core entry", () => {
  it("bundles for the browser without any Node built-in, drawing, polygon clipping or LP adapter", async () => {
    const { code, inputs } = await bundle('export * from "./src/index.ts";', false);
    for (const pattern of heavy) expect(inputs.filter((file) => pattern.test(file)), String(pattern)).toEqual([]);
    expect(code).not.toMatch(/from\s+["']node:/);
    expect(code).not.toMatch(/require\(["'](node:)?(fs|path|child_process|os|worker_threads)["']\)/);
  });

  it("an app that imports align and alignAsync ships at most 100 KB gzipped", async () => {
    const { code } = await bundle('import { align, alignAsync } from "./src/index.ts"; (globalThis as any).terralign = { align, alignAsync };');
    const kb = gzipKb(code);
    console.log(`core bundle (align, alignAsync), minified and gzipped: ${kb.toFixed(1)} KB`);
    expect(kb).toBeLessThanOrEqual(100);
  });

  it("the output entry is where drawing lives", async () => {
    const { inputs } = await bundle('export * from "./src/entries/output.ts";', false);
    expect(inputs.some((file) => file.startsWith("src/output/render-svg"))).toBe(true);
  });
});

describe.skipIf(!available)("in headless Chromium", () => {
  let server: Server;
  let origin: string;
  const files = new Map<string, string>();

  beforeAll(async () => {
    files.set("/core.js", (await bundle('export * from "./src/index.ts";')).code);
    // alignAsync looks for align-worker.js beside the module that holds it.
    // As its own entry: with sideEffects false, a bare import of it would be dropped.
    files.set("/align-worker.js", (await bundle("src/async/align-worker.ts")).code);
    files.set("/index.html", "<!doctype html><title>terralign</title>");
    files.set("/favicon.ico", "");
    server = createServer((request, response) => {
      const body = files.get(request.url ?? "");
      // Cross-origin isolation: the page may use SharedArrayBuffer (alignAsync's stop flag).
      response.writeHead(body === undefined ? 404 : 200, {
        "content-type": request.url?.endsWith(".js") ? "text/javascript" : "text/html",
        "cross-origin-opener-policy": "same-origin",
        "cross-origin-embedder-policy": "require-corp",
      });
      response.end(body ?? "");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("runs align in the page, and alignAsync in a Web Worker with progress and an AbortSignal", { timeout: 120_000 }, async () => {
    const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
      await page.goto(`${origin}/index.html`);
      await page.addScriptTag({
        type: "module",
        content: `
          import { align, alignAsync } from "${origin}/core.js";
          try {
          let s = 5;
          const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
          const problem = (n, m) => {
            const accounts = Array.from({ length: n }, (_, i) => ({ id: "a" + i, location: [-100 + 3 * random(), 19 + 2 * random()], workload: 1 + random() }));
            const total = accounts.reduce((sum, a) => sum + a.workload, 0);
            return { accounts, reps: Array.from({ length: m }, (_, r) => ({ id: "r" + r, home: [-100 + 3 * random(), 19 + 2 * random()], capacity: 1.3 * total / m })) };
          };
          const small = problem(300, 6);
          const plan = align(small, { seed: 2 });
          const inWorker = await alignAsync(small, { seed: 2 });
          const controller = new AbortController();
          const progress = [];
          setTimeout(() => controller.abort(), 400);
          const aborted = await alignAsync(problem(6000, 60), { strategy: "heuristic", timeLimitMs: 120000, signal: controller.signal, onProgress: (p) => progress.push(p.phase) });
          window.result = {
            isolated: crossOriginIsolated,
            status: plan.status,
            assigned: plan.assignment.length,
            same: JSON.stringify(plan.assignment) === JSON.stringify(inWorker.assignment),
            aborted: aborted.status,
            accounts: aborted.assignment.length + aborted.unassigned.length,
            progress: progress.length,
          };
          } catch (error) {
            window.result = { error: String(error && error.stack || error) };
          }
        `,
      });
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined || document.title === "failed", undefined, { timeout: 100_000 });
      const result = await page.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result);
      expect(errors).toEqual([]);
      expect(result).toEqual({ isolated: true, status: expect.stringMatching(/^(optimal|feasible)$/), assigned: 300, same: true, aborted: "timeout", accounts: 6000, progress: expect.any(Number) });
      expect(result.progress as number).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });
});
