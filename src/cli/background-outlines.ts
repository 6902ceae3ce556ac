import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Plan } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { accountArrays, repIndexByAccount } from "../output/account-sites.js";
import type { TerritoryShape } from "../output/territory-polygons.js";
import type { OutlineRequest } from "./outline-worker.js";

/**
 * Accounts from which `align` draws territory outlines in a worker thread. Below this, starting the
 * worker (tens of milliseconds) costs about what it saves.
 */
export const BACKGROUND_OUTLINES_MIN_ACCOUNTS = 10_000;

/** A worker thread, started early, that draws the plan's territory outlines once the plan is known. */
export interface BackgroundOutlines {
  /** Hands over the plan; resolves to `territoryShapes(plan)`, drawn in the worker, or rejects with why the worker failed. */
  draw(plan: Plan): Promise<TerritoryShape[]>;
  /** Stops the worker; call it once done, whether the plan came or not. */
  stop(): void;
}

/**
 * Starts the outline worker (the built `outline-worker.js` beside this module), so that it has
 * loaded by the time the plan is solved. It draws nothing until `draw`: drawing beside the solver
 * slows the solver down (both compete for memory and for V8's compiler and collector threads) by
 * about what it saves. Undefined when the problem is small, is made of units (whose outlines are
 * the units'), the process may use only one CPU (a second thread would then only add its start-up
 * and the copying: 0.2–0.3 s slower at 100,000 accounts), or the worker script is not there
 * (running from the TypeScript sources).
 */
export function startBackgroundOutlines(problem: Problem): BackgroundOutlines | undefined {
  if (problem.accounts.length < BACKGROUND_OUTLINES_MIN_ACCOUNTS || problem.units !== undefined || availableParallelism() < 2) return undefined;
  const script = new URL("./outline-worker.js", import.meta.url);
  if (script.protocol !== "file:" || !existsSync(fileURLToPath(script))) return undefined;
  const worker = new Worker(script);
  const settled = new Promise<TerritoryShape[]>((resolve, reject) => {
    worker.once("message", (message: { shapes?: TerritoryShape[]; error?: string }) => (message.shapes ? resolve(message.shapes) : reject(new Error(message.error))));
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the outline worker stopped (exit code ${code})`)));
  });
  // Awaited only after draw, if at all: a failure must never surface as an unhandled rejection.
  settled.catch(() => undefined);
  return {
    draw(plan) {
      const request: OutlineRequest = { accounts: accountArrays(plan.problem.accounts), repOf: repIndexByAccount(plan), repCount: plan.problem.reps.length };
      worker.postMessage(request);
      return settled;
    },
    stop: () => void worker.terminate(),
  };
}
