import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { BLOCK_END, BLOCK_START, demoBlock, runDemo, withoutTimes } from "../scripts/demo-run.js";

describe("the README", () => {
  it("starts with the install-and-demo and the test commands", () => {
    const readme = readFileSync("README.md", "utf8");
    const firstBlock = readme.slice(readme.indexOf("```sh"), readme.indexOf("```", readme.indexOf("```sh") + 5));
    expect(firstBlock).toContain("npm ci && npm run demo");
    expect(firstBlock).toContain("npm test");
  });

  it("has a quick start that runs and prints what its comment says", async () => {
    const readme = readFileSync("README.md", "utf8");
    const start = readme.indexOf("```ts\n") + 6;
    const code = readme.slice(start, readme.indexOf("```", start))
      .replace('from "terralign"', `from ${JSON.stringify(resolve("src/index.ts"))}`)
      .replace(/from "terralign\/(\w+)"/g, (_, entry: string) => `from ${JSON.stringify(resolve(`src/entries/${entry}.ts`))}`);
    const file = join(mkdtempSync(join(tmpdir(), "terralign-readme-")), "quick-start.ts");
    writeFileSync(file, code);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      await import(file);
      const [status, objective, gap] = log.mock.calls[0];
      const comment = /\/\/ (\w+) ([\d.]+)… (\d+)/.exec(code)!;
      expect(status).toBe(comment[1]);
      expect(String(objective).startsWith(comment[2])).toBe(true);
      expect(gap).toBe(Number(comment[3]));
    } finally {
      log.mockRestore();
    }
  });

  it("shows what the demo prints and the map it draws, from a real run (npm run readme regenerates both)", () => {
    const readme = readFileSync("README.md", "utf8");
    const block = readme.slice(readme.indexOf(BLOCK_START), readme.indexOf(BLOCK_END) + BLOCK_END.length);
    const run = runDemo(resolve("."));
    expect(withoutTimes(block)).toBe(withoutTimes(demoBlock(run)));
    expect(readFileSync("docs/demo-map.svg", "utf8")).toBe(run.svg);
  });

  it("names every npm script it tells the reader to run", () => {
    const readme = readFileSync("README.md", "utf8");
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    for (const [, name] of readme.matchAll(/npm run ([\w-]+(?::[\w-]+)?)/g)) expect(Object.keys(scripts)).toContain(name);
  });
});
