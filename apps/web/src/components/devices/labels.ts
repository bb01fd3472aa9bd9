/** Device labels as people type them: the one grammar of `@aspen/core` (`k=v` pairs separated by `;` or new lines). */
import { formatLabels, parseLabelText, type Labels, type ParsedLabelText } from "@aspen/core/browser";

export type { Labels };
export type ParsedLabels = ParsedLabelText;

/** Parses `k=v` pairs separated by `;` or new lines. Blank parts are skipped; a part without `=` fails. */
export const parseLabels = parseLabelText;

export { formatLabels };
