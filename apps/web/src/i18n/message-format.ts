/**
 * A tiny subset of ICU MessageFormat: `{name}` placeholders and
 * `{count, plural, one {# device} other {# devices}}` (with `=0`-style exact cases), the plural
 * category chosen by `Intl.PluralRules` of the locale. Enough for the console's dictionaries.
 */

const rulesCache = new Map<string, Intl.PluralRules>();

function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    rulesCache.set(locale, rules);
  }
  return rules;
}

/** Index of the `}` that closes the `{` at `open`. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function pluralCases(body: string): Map<string, string> {
  const cases = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const match = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!match?.[1]) break;
    const open = i + match[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) break;
    cases.set(match[1], body.slice(open + 1, close));
    i = close + 1;
  }
  return cases;
}

export function formatMessage(locale: string, template: string, values: Record<string, string | number>): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) break;
    out += template.slice(i, open);
    const close = closingBrace(template, open);
    if (close < 0) {
      out += template.slice(open);
      i = template.length;
      break;
    }
    const inner = template.slice(open + 1, close);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (plural?.[1] && plural[2] !== undefined) {
      const raw = values[plural[1]];
      const n = Number(raw);
      const cases = pluralCases(plural[2]);
      const chosen = cases.get(`=${n}`) ?? cases.get(pluralRules(locale).select(n)) ?? cases.get("other") ?? "";
      out += formatMessage(locale, chosen.replace(/#/g, String(raw ?? "")), values);
    } else if (/^\w+$/.test(inner) && inner in values) {
      out += String(values[inner]);
    } else {
      out += template.slice(open, close + 1);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

/** Names of the values a template uses (placeholders and plural arguments). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{\s*(\w+)\s*(?:\}|,\s*plural)/g)].map((m) => m[1] ?? ""))].sort();
}
