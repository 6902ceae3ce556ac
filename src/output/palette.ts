/**
 * Twenty colours chosen to be told apart (after Sasha Trubetskoy's "20 distinct colours"),
 * strongest first so that small plans get the most distinct ones.
 */
const DISTINCT = [
  "#e6194b", "#4363d8", "#3cb44b", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45", "#469990", "#9a6324",
  "#800000", "#808000", "#000075", "#ffe119", "#fabed4", "#dcbeff", "#ffd8b1", "#aaffc3", "#a9a9a9", "#fffac8",
] as const;

/** Golden angle in degrees: consecutive hues spread evenly around the wheel without repeating. */
const GOLDEN_ANGLE = 137.50776405003785;

/**
 * Colour of territory `index` (0-based) as `#rrggbb`: the 20 fixed colours, then hues stepped by
 * the golden angle with alternating lightness, so every index gets its own colour.
 */
export function territoryColour(index: number): string {
  if (index < DISTINCT.length) return DISTINCT[index];
  const k = index - DISTINCT.length;
  const hue = (k * GOLDEN_ANGLE + 15) % 360;
  const lightness = [0.45, 0.62, 0.32][k % 3];
  return hslToHex(hue, 0.7, lightness);
}

/** The colour with each RGB channel scaled by `factor` (0.6 = 40 % darker). */
export function darken(hex: string, factor = 0.6): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((value >> shift) & 255) * factor);
  return toHex(channel(16), channel(8), channel(0));
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const f = (n: number) => {
    const k = (n + hue / 30) % 12;
    return Math.round(255 * (lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return toHex(f(0), f(8), f(4));
}

function toHex(r: number, g: number, b: number): string {
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}
