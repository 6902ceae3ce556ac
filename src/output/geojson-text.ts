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
export function featureCollectionText(lists: Iterable<string>): string[] {
  return [...featureCollectionPieces(lists)];
}

/**
 * `featureCollectionText` made as it is read: each list is asked for when the writer gets to it,
 * so a list made on demand (a generator) is never held whole.
 */
export function* featureCollectionPieces(lists: Iterable<string>): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for (const list of lists) {
    if (list === "") continue;
    if (!first) yield ",";
    yield list;
    first = false;
  }
  yield "]}";
}
