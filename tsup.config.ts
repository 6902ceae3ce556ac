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
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: bundled,
    sourcemap: true,
  },
]);
