import type { InputIssue } from "../errors.js";
import type { Plan } from "../model/plan.js";
import type { AlignOptions, Progress } from "../model/options-schema.js";
import type { Problem } from "../model/problem-schema.js";
import type { ScenarioComparison } from "../realign/run-scenarios.js";
import type { Tradeoff, TradeoffPoint } from "../realign/tradeoff.js";

/** The call a worker makes: `align`, `tradeoff` over points, or `runScenarios` over scenarios. */
export type WorkerJob =
  | { readonly kind: "align" }
  | { readonly kind: "tradeoff"; readonly points: readonly TradeoffPoint[] }
  | { readonly kind: "scenarios"; readonly scenarios: readonly unknown[] };

/** What `alignAsync` (and the other async calls) send a worker: a validated problem, options without functions, the stop flag. */
export interface SolveRequest {
  readonly job: WorkerJob;
  readonly problem: Problem;
  readonly options: Omit<AlignOptions, "signal" | "onProgress">;
  /** Shared stop flag (`signalOfFlag`), or undefined where shared memory is not available. */
  readonly flag?: Int32Array;
  /** Send progress reports (the caller gave `onProgress`). */
  readonly progress: boolean;
}

/** What the worker sends back: progress while it solves, then the plan or the error. */
export type SolveReply =
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "result"; readonly result: Plan | Tradeoff | ScenarioComparison }
  | { readonly type: "error"; readonly error: { readonly name: string; readonly message: string; readonly code?: string; readonly issues?: readonly InputIssue[]; readonly stack?: string } };
