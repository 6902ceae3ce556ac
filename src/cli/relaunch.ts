import { spawn, type ChildProcess } from "node:child_process";
import { statSync } from "node:fs";
import { constants } from "node:os";
import process from "node:process";
import { EXIT_INTERNAL } from "./exit-codes.js";

/**
 * Large runs start the CLI again in a child process with memory settings that a running process
 * cannot change for itself (`relaunch`); this marks the child, so it does not start another.
 */
export const RELAUNCHED = "TERRALIGN_RELAUNCHED";

/** `TERRALIGN_RELAUNCH=0` never starts a child, `=1` always does (Linux), unset: by input size. */
const SETTING = "TERRALIGN_RELAUNCH";

/**
 * An accounts file at least this large (about 400,000 four-column CSV rows; JSON and GeoJSON take
 * about four times the bytes per account) is a large run. Below it the peak stays a few hundred MB
 * and the settings would only cost time (about 5 % at 100,000 accounts: more collections, fresh
 * pages for large arrays).
 */
const LARGE_INPUT_BYTES = 16 * 2 ** 20;
const JSON_BYTES_PER_CSV_BYTE = 4;

/**
 * glibc: blocks from this size up are mapped on their own and returned to the system when freed.
 * Without it, glibc raises the threshold to the largest block freed (up to 32 MB), and the
 * solver's freed arrays of a few MB then stay in the process for good: at 1,000,000 accounts
 * about 300 MB that the outputs written after the solve cannot reuse as V8 heap.
 */
const MMAP_THRESHOLD_BYTES = 4 * 2 ** 20;

/**
 * V8: the heap may grow 30 % over what was live after a full collection before the next one,
 * instead of up to 4×. Writing the maps and report of a million accounts makes hundreds of MB of
 * short-lived text; collected sooner, it does not pile up to the peak.
 */
const HEAP_GROWING_PERCENT = 30;

/**
 * Whether this run should start the CLI again with the settings above: on Linux (the glibc
 * setting), not already relaunched, and `--accounts` naming a file of at least
 * `LARGE_INPUT_BYTES` (or `TERRALIGN_RELAUNCH=1`).
 */
export function shouldRelaunch(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform !== "linux" || env[RELAUNCHED] === "1" || env[SETTING] === "0") return false;
  if (env[SETTING] === "1") return true;
  const accounts = flagValue(argv, "--accounts");
  if (accounts === undefined) return false;
  try {
    const json = /\.(geo)?json$/i.test(accounts);
    return statSync(accounts).size >= LARGE_INPUT_BYTES * (json ? JSON_BYTES_PER_CSV_BYTE : 1);
  } catch {
    // The command itself reports a file it cannot read.
    return false;
  }
}

function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Runs `script` (the CLI) with `argv` in a child process with the memory settings above, and
 * resolves to its exit code (128 + the signal's number when a signal ended it). The child has a
 * session of its own, so a Ctrl-C at the terminal reaches this process alone, which passes each
 * SIGINT, SIGTERM and SIGHUP on once the child has set up its handlers (it says so over the IPC
 * channel; signals that come before wait for it): the child sees each Ctrl-C once, as it would
 * without the relaunch (a tool that signals both processes at once is one interrupt to the child:
 * `runInWorker` takes interrupts within 100 ms as one). Ctrl-Z stops both, fg and bg resume both.
 * A child ended by a signal ends this process by the same signal. When this process dies, the
 * channel closes and the child quits (`watchLauncher`).
 */
export function relaunch(script: string, argv: readonly string[]): Promise<number> {
  // Listening before the child exists: a signal that comes while it starts waits for it.
  let ready = false;
  const pending: NodeJS.Signals[] = [];
  let child: ChildProcess | undefined;
  const forwarded = (["SIGINT", "SIGTERM", "SIGHUP"] as const).map((signal) => {
    const handler = () => {
      if (ready) child!.kill(signal);
      else pending.push(signal);
    };
    return [signal, handler] as const;
  });
  // Ctrl-Z stops the child (in a session of its own, the terminal's signal does not reach it) and
  // then this process; the shell's SIGCONT (fg, bg) goes on to the child.
  const jobControl = [
    [
      "SIGTSTP",
      () => {
        child?.kill("SIGSTOP");
        process.kill(process.pid, "SIGSTOP");
      },
    ],
    ["SIGCONT", () => child?.kill("SIGCONT")],
  ] as const;
  const handlers: readonly (readonly [NodeJS.Signals, () => void])[] = [...forwarded, ...jobControl];
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const unlisten = () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
  // The child takes node's flags, but not a debugger's (it would ask for the same port), and not
  // the heap setting over one given.
  const flags = process.execArgv.filter((flag) => !/^--(inspect|debug)/.test(flag));
  if (!flags.some((flag) => flag.startsWith("--heap-growing-percent"))) flags.push(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  child = spawn(process.execPath, [...flags, script, ...argv], {
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    detached: true,
    env: { ...process.env, [RELAUNCHED]: "1", MALLOC_MMAP_THRESHOLD_: process.env.MALLOC_MMAP_THRESHOLD_ ?? String(MMAP_THRESHOLD_BYTES) },
  });
  const started = child;
  started.on("message", (message: { ready?: boolean }) => {
    if (message?.ready !== true) return;
    ready = true;
    for (const signal of pending.splice(0)) started.kill(signal);
  });
  return new Promise((resolve) => {
    started.on("error", (error) => {
      process.stderr.write(`terralign: internal error: cannot start the solving process: ${error.message} (TERRALIGN_RELAUNCH=0 runs in this process)\n`);
      unlisten();
      resolve(EXIT_INTERNAL);
    });
    started.on("exit", (code, signal) => {
      unlisten();
      // Ended by a signal (a forwarded SIGTERM, the kernel's SIGKILL when memory ran out): end
      // the same way, so that the shell and the caller see the signal, as without the relaunch.
      if (signal) process.kill(process.pid, signal);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/**
 * In a relaunched child: tells the launcher that the signal handlers are set up, and quits with
 * `quit` when the launcher goes away (the IPC channel closes: it was killed). The channel does
 * not keep the process alive.
 */
export function watchLauncher(quit: () => void): void {
  if (process.env[RELAUNCHED] !== "1" || typeof process.send !== "function") return;
  // The launcher may be gone already (killed while this process started).
  if (!process.connected) return quit();
  process.once("disconnect", quit);
  process.send({ ready: true }, (error: Error | null) => {
    if (error) quit();
  });
  process.channel?.unref();
}
