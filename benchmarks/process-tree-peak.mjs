// Runs a command under /usr/bin/time and prints, as the last line of stderr, JSON with its wall
// seconds (from start to exit), the peak of the summed resident memory of it and its descendants
// (kB, sampled from /proc every 20 ms: a command that starts a child process — a relaunched large
// run — is measured whole) and /usr/bin/time's peak of its largest single process (kB; a floor
// for the sampled peak, which can miss a short spike). Exit code: the command's.
// Usage: node benchmarks/process-tree-peak.mjs COMMAND [ARGS...]
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

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
// Parent of every process, from /proc/PID/stat (field 4, after the command in parentheses): works
// for children of any thread, with no kernel option needed.
const parents = () => {
  const parentOf = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  return parentOf;
};
let treeKb = 0;
const timer = setInterval(() => {
  // The command and its descendants, not /usr/bin/time itself.
  const parentOf = parents();
  const inTree = new Set([time.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) if (!inTree.has(pid) && inTree.has(parent)) (inTree.add(pid), (grew = true));
  }
  inTree.delete(time.pid);
  let sum = 0;
  for (const pid of inTree) sum += rssKb(pid);
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
