/**
 * The zod API the schemas on `align`'s path use: `zod/mini` (tree-shakable functions, none of the
 * classic API's JSON-schema support) with the English messages, so that an app that bundles
 * `align` carries only the validation it runs.
 */
import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";

z.config(en());

export * from "zod/mini";
