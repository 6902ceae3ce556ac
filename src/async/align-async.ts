import { TerralignError, type ErrorCode } from "../errors.js";
import type { Plan } from "../model/plan.js";
import type { AlignOptions } from "../model/options-schema.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { Problem } from "../model/problem-schema.js";
import type { ScenarioComparison } from "../realign/run-scenarios.js";
import type { Tradeoff, TradeoffPoint } from "../realign/tradeoff.js";
import type { SolveReply, SolveRequest, WorkerJob } from "./worker-messages.js";

/** One worker, whichever kind the platform has. */
interface WorkerHandle {
  post(request: SolveRequest): void;
  onReply(handler: (reply: SolveReply) => void): void;
  onFailure(handler: (error: unknown) => void): void;
  terminate(): void;
}

// Kept out of bundlers' sight: a browser bundle never takes the Node branch.
const workerThreads = "node:worker_threads";

/**
 * `align` on a worker thread (Node `worker_threads`, or a module Web Worker in browsers), so the
 * caller's event loop stays free while it solves. Same problem, options and seed → the same plan as
 * `align`. The input is validated here first, so bad input rejects with the same `TerralignError`.
 *
 * - `options.signal`: aborting stops the search; the promise resolves with the best plan so far
 *   (status `timeout`), usually well within a second. This needs shared memory (always in Node; in
 *   browsers, a cross-origin isolated page): elsewhere aborting ends the worker and rejects with
 *   an `AbortError`.
 * - `options.onProgress` is called on the caller's thread with the worker's progress reports.
 * - `options.travel.minutes` (a function) cannot cross to another thread: it is refused with
 *   `TerralignError` `unsupported`; give the minutes as `problem.travel` instead.
 *
 * The worker is the file `align-worker.js` beside the module (bundlers that understand
 * `new URL("./align-worker.js", import.meta.url)` copy it).
 */
export async function alignAsync(problem: Problem, options: AlignOptions = {}): Promise<Plan> {
  // The copy that crossed from the worker carries its options (`Plan.options`) as the worker's did.
  return (await inWorker(problem, options, { kind: "align" }, "alignAsync")) as Plan;
}

/**
 * `tradeoff` on a worker thread, like `alignAsync` (same result as `tradeoff` for the same seed):
 * `options.signal` stops the point being solved (it and the points after it come back `timeout`),
 * `options.onProgress` hears every point's solve.
 */
export async function tradeoffAsync(problem: Problem, options: AlignOptions | undefined, points: readonly TradeoffPoint[]): Promise<Tradeoff> {
  return (await inWorker(problem, options ?? {}, { kind: "tradeoff", points }, "tradeoffAsync")) as Tradeoff;
}

/**
 * `runScenarios` on a worker thread, like `alignAsync` (same comparison as `runScenarios` for the
 * same seed). Bad scenarios reject with the same `TerralignError` as `runScenarios` throws.
 */
export async function runScenariosAsync(problem: Problem, scenarios: readonly unknown[], options: AlignOptions = {}): Promise<ScenarioComparison> {
  return (await inWorker(problem, options, { kind: "scenarios", scenarios }, "runScenariosAsync")) as ScenarioComparison;
}

async function inWorker(problem: Problem, options: AlignOptions, job: WorkerJob, name: string): Promise<Plan | Tradeoff | ScenarioComparison> {
  const resolved = resolveOptions(options);
  if (options.travel?.minutes !== undefined) {
    throw new TerralignError("unsupported", `options.travel.minutes: a function cannot be sent to the worker thread; give the minutes as problem.travel (a matrix), or call ${name.replace(/Async$/, "")}`);
  }
  const valid = parseProblem(problem, { orphans: resolved.disruption.orphans === "assign" });
  const { signal, onProgress, ...plain } = options;
  const flag = typeof SharedArrayBuffer === "function" ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
  if (signal?.aborted && !flag) throw abortError(name);
  const worker = await startWorker(name);
  return new Promise((resolve, reject) => {
    const finish = () => {
      signal?.removeEventListener("abort", onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      if (flag) Atomics.store(flag, 0, 1);
      else {
        finish();
        reject(abortError(name));
      }
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort);
    worker.onReply((reply) => {
      if (reply.type === "progress") onProgress?.(reply.progress);
      else if (reply.type === "result") {
        finish();
        resolve(reply.result);
      } else {
        finish();
        const { error } = reply;
        reject(error.code !== undefined ? new TerralignError(error.code as ErrorCode, error.message, error.issues) : Object.assign(new Error(error.message), { name: error.name, stack: error.stack }));
      }
    });
    worker.onFailure((error) => {
      finish();
      reject(error);
    });
    worker.post({ job, problem: valid, options: plain, ...(flag ? { flag } : {}), progress: onProgress !== undefined });
  });
}

function abortError(name: string): Error {
  return typeof DOMException === "function" ? new DOMException(`${name} was aborted`, "AbortError") : Object.assign(new Error(`${name} was aborted`), { name: "AbortError" });
}

/** The worker script: built beside this module as align-worker.js (align-worker.ts when run from the sources with tsx). */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith(".ts") ? "./align-worker.ts" : "./align-worker.js", import.meta.url);
}

async function startWorker(name: string): Promise<WorkerHandle> {
  const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
  if (isNode) {
    const { Worker } = (await import(/* @vite-ignore */ workerThreads)) as typeof import("node:worker_threads");
    const worker = new Worker(workerUrl());
    return {
      post: (request) => worker.postMessage(request),
      onReply: (handler) => void worker.on("message", handler),
      onFailure: (handler) => {
        worker.on("error", handler);
        worker.on("exit", (code) => handler(new Error(`the ${name} worker stopped (exit code ${code}) before it answered`)));
      },
      terminate: () => void worker.terminate(),
    };
  }
  const worker = new Worker(workerUrl(), { type: "module" });
  return {
    post: (request) => worker.postMessage(request),
    onReply: (handler) => worker.addEventListener("message", (event: MessageEvent<SolveReply>) => handler(event.data)),
    onFailure: (handler) => worker.addEventListener("error", (event) => handler(event.error ?? new Error(event.message))),
    terminate: () => worker.terminate(),
  };
}
