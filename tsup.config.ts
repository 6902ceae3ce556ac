import { defineConfig } from "tsup";

/** ESM-only dependencies, bundled so that the CommonJS build needs no require(esm). */
const bundled = [/^d3-/, "delaunator", "robust-predicates", "internmap", "kdbush"];

export default defineConfig([
  {
    // The entries: the core (browser-clean), outputs, file readers, exact solves through an LP backend.
    entry: { index: "src/index.ts", output: "src/entries/output.ts", node: "src/entries/node.ts", exact: "src/entries/exact.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "neutral",
    noExternal: bundled,
    // CommonJS entries share chunks too, so that TerralignError is one class whichever entry throws it.
    splitting: true,
    // import.meta.url (alignAsync's worker file) in the CommonJS build.
    shims: true,
  },
  {
    // alignAsync's worker: a module worker (Node worker_threads or a browser Web Worker).
    entry: { "align-worker": "src/async/align-worker.ts" },
    format: ["esm"],
    target: "es2022",
    platform: "neutral",
    noExternal: bundled,
    sourcemap: true,
  },
  {
    // The CLI: its entry loads no command; each command's code is a chunk (dist/cli/) imported when
    // it runs. zod is bundled too: one file loads faster than the package's many modules. Its
    // `locales` namespace (sixty translations of its messages, which terralign words itself; the
    // English one is imported directly) would come along whole, since chunks share zod as a
    // namespace object: it is left out.
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
    noExternal: [...bundled, /^zod(\/|$)/],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = "cli/[name]-[hash]";
    },
    esbuildPlugins: [
      {
        name: "no-zod-locales",
        setup(build) {
          build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (/[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "empty" } : undefined));
          build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
        },
      },
    ],
    sourcemap: true,
  },
]);
