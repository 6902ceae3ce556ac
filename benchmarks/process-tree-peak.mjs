// Runs a command under /usr/bin/time and prints, as the last line of stderr, JSON with its wall
// seconds (from start to exit), the peak of the summed resident memory of it and its descendants
// (kB, sampled from /proc every 20 ms: a command that starts a child process — a relaunched large
// run — is measured whole; a child that lives less than 100 ms may be missed) and /usr/bin/time's
// peak of its largest single process (kB; a floor for the sampled peak, which can miss a short
// spike). Exit code: the command's.
// Usage: node benchmarks/process-tree-peak.mjs COMMAND [ARGS...]
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

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
// The processes below `pid`: the children of each of its threads (/proc/PID/task/TID/children, so
// a child started by any thread counts), and theirs. Read every few samples only, and cheaply, so
// that the sampler takes little of the machine the command runs on (a scan of every process's
// /proc/PID/stat every 20 ms added ~10 % to a half-second command on two cores). Without those
// files (a kernel without CONFIG_PROC_CHILDREN), that scan, every 100 ms.
const childrenFiles = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);
const childrenOf = (pid) => {
  const found = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found; // Gone meanwhile.
  }
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ")) if (child.trim() !== "") found.push(Number(child));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return found;
};
// Parent of every process, from /proc/PID/stat (field 4, after the command in parentheses).
const parentOfAll = () => {
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
const descendants = (pid) => {
  const found = [];
  if (childrenFiles) {
    for (let queue = [pid]; queue.length > 0; ) for (const child of childrenOf(queue.pop())) found.push(child), queue.push(child);
    return found;
  }
  const parentOf = parentOfAll();
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parentOf) if (!inTree.has(child) && inTree.has(parent)) (inTree.add(child), found.push(child), (grew = true));
  }
  return found;
};
let treeKb = 0;
let tree = [];
let tick = 0;
const timer = setInterval(() => {
  // The command and its descendants, not /usr/bin/time itself: looked for again on the first ticks
  // (a relaunched run starts its child at once), then every 100 ms.
  // A children file read while a process exits can leave out others (proc(5)): the processes found
  // before stay in the tree while they live.
  if (tick < 5 || tick % 5 === 0) tree = [...new Set([...descendants(time.pid), ...tree.filter((pid) => existsSync(`/proc/${pid}`))])];
  tick++;
  let sum = 0;
  for (const pid of tree) sum += rssKb(pid);
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
