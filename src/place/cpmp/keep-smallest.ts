/**
 * Offers (`value`, `id`) to a list of the `width` smallest values kept sorted ascending in
 * `keys` / `ids`, which hold `size` entries; returns the new size. Ties keep the earlier offer first.
 */
export function keepSmallest(keys: Float64Array, ids: Int32Array, size: number, width: number, value: number, id: number): number {
  if (size === width && value >= keys[width - 1]) return size;
  let r = size < width ? size++ : width - 1;
  while (r > 0 && keys[r - 1] > value) {
    keys[r] = keys[r - 1];
    ids[r] = ids[r - 1];
    r--;
  }
  keys[r] = value;
  ids[r] = id;
  return size;
}
