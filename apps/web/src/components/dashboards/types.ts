import type { DashboardRange, Widget } from "@aspen/core/browser";
import type { RouterOutputs } from "@/trpc/types";

export type WidgetData = RouterOutputs["dashboard"]["data"]["widgets"][number];
export type { Widget };

/** Live latest values per device (`dev_…`) and key, and online state, from the live stream. */
export interface LiveValues {
  values: Record<string, Record<string, { ts: number; value: number | boolean | string }>>;
  online: Record<string, boolean>;
}

/** What a widget body needs besides its data: live values, and whether commands may be sent from here. */
export interface WidgetContext {
  live: LiveValues;
  tenantSlug: string | null;
  canCommand: boolean;
  /** Chart ranges picked in the view, by widget id. */
  ranges: Record<string, DashboardRange>;
  onRange: (widgetId: string, range: DashboardRange) => void;
}
