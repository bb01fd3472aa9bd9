import { roundToPrecision, type Property } from "@aspen/core/browser";
import type { RouterOutputs } from "@/trpc/types";
import { displayValue } from "./typed-value";

type Latest = RouterOutputs["telemetry"]["latest"];

/**
 * The value shown above a property's chart: its latest reported value (the same one the latest-values
 * table shows, kept live), rounded to the property's precision with its unit — never a bucket average.
 */
export function chartHeaderValue(
  latest: Pick<Latest, "values"> | undefined,
  property: Pick<Property, "identifier" | "type" | "unit">,
): string {
  const v = latest?.values.find((x) => x.key === property.identifier)?.value;
  if (typeof v !== "number") return "";
  return displayValue(roundToPrecision(v, property), property.unit);
}
