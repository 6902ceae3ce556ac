import process from "node:process";
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { runInWorker, type WorkerNote, type WorkerSetup } from "./run-in-worker.js";

// The bin entry (dist/cli.js). The main thread only starts this same file as a worker and listens
// for Ctrl-C; the worker runs the command and reports its exit code. The commands are imported
// by the worker alone, so the main thread never loads (parses, compiles) their code.
if (isMainThread) {
  // Only align stops its search on the first Ctrl-C and writes the best plan; the others quit at once.
  process.exitCode = await runInWorker(new URL(import.meta.url), process.argv.slice(2), process.argv[2] === "align");
} else {
  const [{ signalOfFlag }, { nodeIo }, { runCli }] = await Promise.all([import("../async/shared-stop.js"), import("./cli-io.js"), import("./run.js")]);
  const setup = workerData as WorkerSetup;
  const tell = (note: WorkerNote) => parentPort!.postMessage(note);
  const io = nodeIo({ interrupt: signalOfFlag(setup.flag), stderrIsTty: setup.stderrIsTty, onStaging: (folder) => tell({ staging: folder }) });
  tell({ code: await runCli(process.argv.slice(2), io) });
}
