import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Vitest global setup: builds dist/ once before the tests that run the built binary, and only when
 * it is missing or older than a source file, package.json or tsup.config.ts.
 */
export function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const outputs = ["dist/cli.js", "dist/index.js", "dist/index.cjs"].map((f) => join(root, f));
  const built = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : -Infinity)));
  const sources = [join(root, "package.json"), join(root, "tsup.config.ts"), ...walk(join(root, "src"))];
  if (sources.every((f) => statSync(f).mtimeMs <= built)) return;
  execFileSync("npx", ["tsup"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}
