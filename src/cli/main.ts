import process from "node:process";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { EXIT_INTERRUPTED } from "./exit-codes.js";
import { relaunch, shouldRelaunch, watchLauncher } from "./relaunch.js";
import { runInWorker, type WorkerNote, type WorkerSetup } from "./run-in-worker.js";

// The bin entry (dist/cli.js). The main thread only starts this same file as a worker and listens
// for Ctrl-C; the worker runs the command and reports its exit code. The commands are imported
// by the thread that runs them, so the main thread never loads (parses, compiles) their code.
// `route` runs on the main thread: it reads no stop flag, and a worker (its start, its own heap)
// costs it more than it saves; Ctrl-C ends it at once (its outputs go through a staging folder,
// so a run stopped while writing leaves the previous set, and the staging folder).
// A large run (`shouldRelaunch`) starts this file again in a child process with memory settings a
// running process cannot give itself, and passes it the signals it gets.
const argv = process.argv.slice(2);
if (isMainThread && shouldRelaunch(argv)) {
  process.exitCode = await relaunch(fileURLToPath(import.meta.url), argv);
} else if (isMainThread && argv[0] === "route") {
  watchLauncher(() => process.exit(EXIT_INTERRUPTED));
  const [{ nodeIo }, { runCli }] = await Promise.all([import("./cli-io.js"), import("./run.js")]);
  process.exitCode = await runCli(argv, nodeIo());
} else if (isMainThread) {
  // The solving commands stop their search on the first Ctrl-C and write the best plans so far; the others quit at once.
  process.exitCode = await runInWorker(new URL(import.meta.url), argv, ["align", "tradeoff", "scenarios"].includes(argv[0]));
} else {
  const [{ signalOfFlag }, { nodeIo }, { runCli }] = await Promise.all([import("../async/shared-stop.js"), import("./cli-io.js"), import("./run.js")]);
  const setup = workerData as WorkerSetup;
  const tell = (note: WorkerNote) => parentPort!.postMessage(note);
  const io = nodeIo({ interrupt: signalOfFlag(setup.flag), stderrIsTty: setup.stderrIsTty, onStaging: (folder) => tell({ staging: folder }) });
  tell({ code: await runCli(argv, io) });
}
