/**
 * The worker of `alignAsync`, `tradeoffAsync` and `runScenariosAsync`: a Node `worker_threads`
 * worker or a browser module Web Worker. It runs one request with the library's own code (`align`,
 * `tradeoff` or `runScenarios`) and posts progress, then the result (or the error).
 */
import { alignValidated } from "../align.js";
import { runScenarios } from "../realign/run-scenarios.js";
import { tradeoff } from "../realign/tradeoff.js";
import { TerralignError } from "../errors.js";
import type { AlignOptions } from "../model/options-schema.js";
import { resolveOptions } from "../model/parse.js";
import { signalOfFlag } from "./shared-stop.js";
import type { SolveReply, SolveRequest } from "./worker-messages.js";

interface Port {
  post(reply: SolveReply): void;
  listen(handler: (request: SolveRequest) => void): void;
}

// Kept out of bundlers' sight: a browser bundle never takes the Node branch.
const workerThreads = "node:worker_threads";

async function connect(): Promise<Port> {
  const scope = globalThis as unknown as { WorkerGlobalScope?: unknown; postMessage?: (m: unknown) => void; addEventListener?: (t: string, h: (e: { data: SolveRequest }) => void) => void };
  if (scope.WorkerGlobalScope !== undefined && scope.postMessage && scope.addEventListener) {
    return { post: (reply) => scope.postMessage!(reply), listen: (handler) => scope.addEventListener!("message", (event) => handler(event.data)) };
  }
  const { parentPort } = (await import(/* @vite-ignore */ workerThreads)) as typeof import("node:worker_threads");
  if (!parentPort) throw new Error("align-worker runs as a worker thread of alignAsync");
  return { post: (reply) => parentPort.postMessage(reply), listen: (handler) => parentPort.once("message", handler) };
}

function solve(request: SolveRequest, port: Port): void {
  try {
    const options: AlignOptions = {
      ...request.options,
      ...(request.flag ? { signal: signalOfFlag(request.flag) } : {}),
      ...(request.progress ? { onProgress: (progress) => port.post({ type: "progress", progress }) } : {}),
    };
    const { job } = request;
    const result =
      job.kind === "align" ? alignValidated(request.problem, resolveOptions(options)) : job.kind === "tradeoff" ? tradeoff(request.problem, options, job.points) : runScenarios(request.problem, job.scenarios, options);
    port.post({ type: "result", result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const detail = error instanceof TerralignError ? { code: error.code, issues: error.issues } : { stack: e.stack };
    port.post({ type: "error", error: { name: e.name, message: e.message, ...detail } });
  }
}

const port = await connect();
port.listen((request) => solve(request, port));
