/** The k-th smallest value of `values` (0-based), reordering them in place (Hoare quickselect, middle pivot). */
export function kthSmallest(values: Float64Array, k: number): number {
  let l = 0, r = values.length - 1;
  while (r > l) {
    const pivot = values[(l + r) >> 1];
    let i = l, j = r;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i++] = values[j];
        values[j--] = t;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
  return values[k];
}
