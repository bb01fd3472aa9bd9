import { en, type Dictionary } from "./en";
import { formatMessage } from "./message-format";
import { defaultLocale, type Locale } from "./config";
import { zhCN } from "./zh-CN";

export * from "./config";

const dictionaries: Record<Locale, Dictionary> = { en, "zh-CN": zhCN };

/** Server only: importing this from a client component would ship every language to the browser. */
export function dictionaryFor(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** Fills `{name}` placeholders and `{count, plural, …}` forms (see message-format.ts). */
export function format(template: string, values: Record<string, string | number>, locale: Locale = defaultLocale): string {
  return formatMessage(locale, template, values);
}
