import process from "node:process";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { signalOfFlag } from "../async/shared-stop.js";
import { nodeIo } from "./cli-io.js";
import { runCli } from "./run.js";
import { runInWorker, type WorkerNote, type WorkerSetup } from "./run-in-worker.js";

// The bin entry (dist/cli.js). The main thread only starts this same file as a worker and listens
// for Ctrl-C; the worker runs the command and reports its exit code.
if (isMainThread) {
  // The solving commands stop their search on the first Ctrl-C and write the best plans so far; the others quit at once.
  process.exitCode = await runInWorker(new URL(import.meta.url), process.argv.slice(2), ["align", "tradeoff", "scenarios"].includes(process.argv[2]));
} else {
  const setup = workerData as WorkerSetup;
  const tell = (note: WorkerNote) => parentPort!.postMessage(note);
  const io = nodeIo({ interrupt: signalOfFlag(setup.flag), stderrIsTty: setup.stderrIsTty, onStaging: (folder) => tell({ staging: folder }) });
  tell({ code: await runCli(process.argv.slice(2), io) });
}
