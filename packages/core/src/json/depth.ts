/** Deepest nesting of arrays/objects any JSON input may have (deeper input is refused before parsing). */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of JSON text (objects and arrays), counted in one pass
 * without parsing, brackets inside strings ignored. Stops counting once the
 * depth passes `stopAt`, so a 5,000-deep document costs nothing to refuse.
 */
export function jsonDepth(text: string, stopAt = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAt) return max;
      }
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return max;
}

/** True when `text` nests deeper than `limit` (default MAX_JSON_DEPTH). */
export function jsonTooDeep(text: string, limit = MAX_JSON_DEPTH): boolean {
  return jsonDepth(text, limit) > limit;
}
