// Runs a command under /usr/bin/time and prints, as the last line of stderr, JSON with its wall
// seconds (from start to exit), the peak of the summed resident memory of it and its descendants
// (kB, sampled from /proc every 20 ms: a command that starts a child process — a relaunched large
// run — is measured whole) and /usr/bin/time's peak of its largest single process (kB; a floor
// for the sampled peak, which can miss a short spike). Exit code: the command's.
// Usage: node benchmarks/process-tree-peak.mjs COMMAND [ARGS...]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const started = performance.now();
const time = spawn("/usr/bin/time", ["-f", "%M", ...process.argv.slice(2)], { stdio: ["inherit", "inherit", "pipe"] });
let stderr = "";
time.stderr.on("data", (d) => {
  stderr += d;
  // Everything but /usr/bin/time's own last line, as it comes.
  const cut = stderr.lastIndexOf("\n", stderr.length - 2);
  if (cut >= 0) {
    process.stderr.write(stderr.slice(0, cut + 1));
    stderr = stderr.slice(cut + 1);
  }
});
const rssKb = (pid) => {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
  } catch {
    return 0;
  }
};
const childrenOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
const tree = (pid) => [pid, ...childrenOf(pid).flatMap(tree)];
let treeKb = 0;
const timer = setInterval(() => {
  // The command and its descendants, not /usr/bin/time itself.
  const sum = childrenOf(time.pid).flatMap(tree).reduce((total, pid) => total + rssKb(pid), 0);
  if (sum > treeKb) treeKb = sum;
}, 20);
time.on("close", (code) => {
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const lines = stderr.trim().split("\n");
  const maxKb = Number(lines.pop());
  if (lines.length > 0) process.stderr.write(`${lines.join("\n")}\n`);
  process.stderr.write(`${JSON.stringify({ seconds, treeKb, maxKb })}\n`);
  process.exitCode = code ?? 1;
});
