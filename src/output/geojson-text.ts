/**
 * A list of GeoJSON features as JSON text without the enclosing brackets: the features separated
 * by commas, as `JSON.stringify` writes them inside an array ("" for no features).
 */
export function featureListText(features: readonly object[]): string {
  // A slice of a long string is a view in V8, not a copy.
  return features.length === 0 ? "" : JSON.stringify(features).slice(1, -1);
}

/**
 * Pieces of text whose concatenation is `JSON.stringify` of a FeatureCollection holding the
 * listed features in order (each list as `featureListText` writes it). Written one after another,
 * the pieces never have to be joined into one string.
 */
export function featureCollectionText(lists: readonly string[]): string[] {
  const pieces = ['{"type":"FeatureCollection","features":['];
  for (const list of lists) {
    if (list === "") continue;
    if (pieces.length > 1) pieces.push(",");
    pieces.push(list);
  }
  pieces.push("]}");
  return pieces;
}
