import { parentPort } from "node:worker_threads";
import type { AccountArrays } from "../output/account-sites.js";
import { shapesOfAssignment } from "../output/territory-polygons.js";

/**
 * Worker thread that draws a plan's territory outlines while the main thread writes the other
 * outputs (see `background-outlines.ts`). It waits for one message, the plan as plain arrays,
 * answers with `{ shapes }` (or `{ error }`), and is done.
 */
export interface OutlineRequest {
  readonly accounts: AccountArrays;
  readonly repOf: Int32Array;
  readonly repCount: number;
}

parentPort?.once("message", ({ accounts, repOf, repCount }: OutlineRequest) => {
  try {
    parentPort!.postMessage({ shapes: shapesOfAssignment(accounts, repOf, repCount) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
