import { rmSync } from "node:fs";
import process from "node:process";
import { Worker } from "node:worker_threads";
import { createSharedStop } from "../async/shared-stop.js";
import { EXIT_INTERNAL, EXIT_INTERRUPTED } from "./exit-codes.js";
import { watchLauncher } from "./relaunch.js";

/** Interrupts closer together than this are one (a person pressing Ctrl-C twice is slower). */
const SAME_INTERRUPT_MS = 100;

/** What the command's thread tells the main thread. */
export type WorkerNote = { readonly staging: string } | { readonly code: number };

/** What the main thread hands the command's thread. */
export interface WorkerSetup {
  /** The shared stop flag (`signalOfFlag`). */
  readonly flag: Int32Array;
  readonly stderrIsTty: boolean;
}

/**
 * Runs the CLI in a worker thread running `script` (the CLI itself), so that the main thread stays
 * free to hear Ctrl-C while the command solves. With `graceful` (a command that reads the stop
 * flag: align), the first SIGINT sets the shared stop flag (the search stops, the best plan so far
 * is written, status `timeout`, exit 1); a second, or the first for other commands, removes any
 * half-written staging folder and exits at once with 130. Resolves to the command's exit code.
 */
export function runInWorker(script: URL, argv: readonly string[], graceful: boolean): Promise<number> {
  const stop = createSharedStop();
  const staging = new Set<string>();
  const setup: WorkerSetup = { flag: stop.flag, stderrIsTty: process.stderr.isTTY === true };
  const worker = new Worker(script, { argv: [...argv], workerData: setup });
  let interrupts = 0;
  const removeStaging = () => {
    for (const folder of staging) rmSync(folder, { recursive: true, force: true });
  };
  const quit = () => {
    removeStaging();
    process.exit(EXIT_INTERRUPTED);
  };
  let lastInterrupt = -Infinity;
  const onInterrupt = () => {
    // One interrupt that came twice (a tool signalling a relaunched run's launcher and child at once).
    const now = performance.now();
    if (now - lastInterrupt < SAME_INTERRUPT_MS) return;
    lastInterrupt = now;
    interrupts++;
    if (interrupts === 1 && graceful) {
      stop.stop();
      process.stderr.write("\nterralign: interrupted: stopping the search and writing the best plan so far (press Ctrl-C again to quit at once)\n");
      return;
    }
    quit();
  };
  // Asked to end (SIGTERM, SIGHUP): no half-written staging folder is left beside the outputs, and
  // the process still ends by the signal, as its default action would end it.
  const onEnd = (signal: NodeJS.Signals) => {
    removeStaging();
    unlisten();
    process.kill(process.pid, signal);
  };
  const listeners = [["SIGINT", onInterrupt], ["SIGTERM", onEnd], ["SIGHUP", onEnd]] as const;
  const unlisten = () => {
    for (const [signal, listener] of listeners) process.off(signal, listener);
  };
  for (const [signal, listener] of listeners) process.on(signal, listener);
  // Started by a launcher (a large run, `relaunch`): its signals come now; when it dies, quit as on a second Ctrl-C.
  watchLauncher(quit);
  return new Promise((resolve) => {
    let code = EXIT_INTERNAL;
    worker.on("message", (note: WorkerNote) => {
      if ("staging" in note) staging.add(note.staging);
      else code = note.code;
    });
    worker.on("error", (error) => {
      process.stderr.write(`terralign: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      code = EXIT_INTERNAL;
    });
    worker.on("exit", () => {
      unlisten();
      resolve(code);
    });
  });
}
