import process from "node:process";
import { nodeIo } from "./cli-io.js";
import { runCli } from "./run.js";

// The bin entry (dist/cli.js): run the command and leave with its exit code.
process.exitCode = await runCli(process.argv.slice(2), nodeIo());
