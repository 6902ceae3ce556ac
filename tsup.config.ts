import { defineConfig } from "tsup";

/** ESM-only dependencies, bundled so that the CommonJS build needs no require(esm). */
const bundled = [/^d3-/, "delaunator", "robust-predicates", "internmap", "kdbush"];

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "neutral",
    noExternal: bundled,
  },
  {
    // The outline worker is a file of its own: the CLI starts it as a worker thread.
    entry: { cli: "src/cli/main.ts", "outline-worker": "src/cli/outline-worker.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: bundled,
    sourcemap: true,
  },
]);
