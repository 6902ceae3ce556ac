import { TerralignError } from "../../src/errors.js";
import type { CliIo } from "../../src/cli/cli-io.js";

/** A `CliIo` over an in-memory file system: what the command wrote and printed stays readable. */
export interface MemoryIo extends CliIo {
  readonly files: Map<string, string>;
  out: string;
  err: string;
}

/** Files by path; written files join them (pieces concatenated). */
export function memoryIo(files: Record<string, string>, debug = false): MemoryIo {
  const io: MemoryIo = {
    files: new Map(Object.entries(files)),
    out: "",
    err: "",
    readFile(path) {
      const text = io.files.get(path);
      if (text === undefined) throw new TerralignError("invalid_file", `cannot read ${path}: no such file`);
      return text;
    },
    writeFile(path, text) {
      io.files.set(path, typeof text === "string" ? text : [...text].join(""));
    },
    makeDir() {},
    replaceFolder(dir, _owned, fill) {
      fill(dir);
    },
    stdout: (s) => void (io.out += s),
    stderr: (s) => void (io.err += s),
    stderrIsTty: false,
    debug,
  };
  return io;
}
