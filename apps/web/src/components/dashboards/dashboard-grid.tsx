"use client";

import { dashboardColumns, stackOrder } from "@aspen/core/browser";
import ReactGridLayout, { useContainerWidth, type Layout } from "react-grid-layout";
import "react-grid-layout/css/styles.css";
import "react-resizable/css/styles.css";
import type { Widget, WidgetContext, WidgetData } from "./types";
import { WidgetFrame } from "./widget-frame";

/** Below this width widgets stack in one column (phones), in reading order. */
const stackBelowPx = 640;
const rowHeight = 60;

/**
 * The widgets on a 12-column grid (react-grid-layout): in edit mode dragged by their title bar and
 * resized from the corner; `onLayout` gets every new placement. Narrow screens get one column.
 */
export function DashboardGrid({
  widgets,
  data,
  ctx,
  editing,
  onLayout,
  onRemove,
}: {
  widgets: readonly Widget[];
  data: ReadonlyMap<string, WidgetData>;
  ctx: WidgetContext;
  editing: boolean;
  onLayout?: (layout: Layout) => void;
  onRemove?: (id: string) => void;
}) {
  const { width, containerRef, mounted } = useContainerWidth();
  const frame = (w: Widget) => (
    <WidgetFrame widget={w} data={data.get(w.id)} ctx={ctx} editing={editing} onRemove={onRemove ? () => onRemove(w.id) : undefined} />
  );
  const stacked = mounted && width < stackBelowPx;
  return (
    <div ref={containerRef} data-testid="dashboard-grid" data-layout={stacked ? "stacked" : "grid"}>
      {!mounted ? null : stacked ? (
        <div className="flex flex-col gap-3">
          {stackOrder(widgets).map((w) => (
            <div key={w.id} style={{ minHeight: Math.max(2, w.h) * rowHeight }} className="flex flex-col">
              {frame(w)}
            </div>
          ))}
        </div>
      ) : (
        <ReactGridLayout
          width={width}
          layout={widgets.map((w) => ({ i: w.id, x: w.x, y: w.y, w: w.w, h: w.h, minW: 2, minH: 2 }))}
          gridConfig={{ cols: dashboardColumns, rowHeight, margin: [12, 12], containerPadding: [0, 0] }}
          dragConfig={{ enabled: editing, handle: ".dash-drag", cancel: ".dash-no-drag" }}
          resizeConfig={{ enabled: editing }}
          onLayoutChange={(l) => {
            if (editing) onLayout?.(l);
          }}
        >
          {widgets.map((w) => (
            <div key={w.id} data-grid-item={w.id}>
              {frame(w)}
            </div>
          ))}
        </ReactGridLayout>
      )}
    </div>
  );
}
