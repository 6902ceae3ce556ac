import type { Progress } from "../model/options-schema.js";

/** A one-line progress bar redrawn in place on a terminal. */
export interface ProgressBar {
  /** Pass as `onProgress`. */
  readonly update: (progress: Progress) => void;
  /** Erases the bar so the summary starts on a clean line. */
  readonly clear: () => void;
}

const WIDTH = 24;

/** Draws `  improve  [#########---------]  45 %  objective 1.2e+6  3.2 s` with `write` (stderr). */
export function createProgressBar(write: (s: string) => void): ProgressBar {
  let drawn = false;
  return {
    update({ phase, fraction, objective, elapsedMs }) {
      const filled = Math.round(fraction * WIDTH);
      const bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
      const best = objective !== undefined ? `  objective ${objective.toPrecision(4)}` : "";
      const line = `  ${phase.padEnd(10)} [${bar}] ${String(Math.round(fraction * 100)).padStart(3)} %${best}  ${(elapsedMs / 1000).toFixed(1)} s`;
      write(`\r\x1b[2K${line}`);
      drawn = true;
    },
    clear() {
      if (drawn) write("\r\x1b[2K");
      drawn = false;
    },
  };
}
