import { TerralignError } from "../errors.js";

/** How the bytes of an input file are read: UTF-8 (the default), or Latin-1 as Excel writes it (Windows-1252). */
export type InputEncoding = "utf8" | "latin1";

/** The names `--encoding` accepts. */
export const inputEncodings: readonly InputEncoding[] = ["utf8", "latin1"];

/**
 * Turns a file's bytes into text. A byte-order mark decides first: UTF-8 (EF BB BF, dropped),
 * UTF-16 little-endian (FF FE) or big-endian (FE FF), whatever `encoding` says. Without one,
 * `utf8` bytes must be valid UTF-8: otherwise a `TerralignError` (`invalid_file`) names the line
 * and the first bad byte and suggests `--encoding latin1`; `latin1` reads each byte as one
 * Windows-1252 character (the Latin-1 superset that Excel and most CRMs export).
 */
export function decodeText(bytes: Uint8Array, file: string, encoding: InputEncoding = "utf8"): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (encoding === "latin1" && !hasBom) return decodeWindows1252(body);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    throw notUtf8(body, file, hasBom ? 3 : 0);
  }
}

function notUtf8(bytes: Uint8Array, file: string, skipped: number): TerralignError {
  const at = firstInvalidByte(bytes);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const hex = `0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")}`;
  return new TerralignError(
    "invalid_file",
    `${file} line ${line}: byte ${hex} (byte ${at + skipped + 1} of the file, ${at - lineStart + 1} of the line) is not UTF-8; the file is probably Latin-1 (Windows-1252, as older Excel and CRM exports are): save it as UTF-8, or read it with --encoding latin1`,
  );
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (bytes.length when all are valid). */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte → sequence length and the allowed range of the second byte (no overlongs, no surrogates, ≤ U+10FFFF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    if (i + 1 >= n || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (let k = 2; k < length; k++) if (i + k >= n || bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return n;
}

/** Bytes 0x80–0x9F in Windows-1252 (0xFFFD where the code page has none); every other byte is its own code point. */
const WINDOWS_1252_HIGH = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

// Written out rather than left to TextDecoder("windows-1252"): Node 20 decodes that label as ISO-8859-1.
function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const codes = new Uint16Array(Math.min(bytes.length, 1 << 14));
  for (let start = 0; start < bytes.length; start += codes.length) {
    const end = Math.min(bytes.length, start + codes.length);
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      codes[i - start] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b;
    }
    chunks.push(String.fromCharCode(...codes.subarray(0, end - start)));
  }
  return chunks.join("");
}
