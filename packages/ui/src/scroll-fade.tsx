"use client";

import { useEffect, useRef, useState, type ComponentPropsWithoutRef } from "react";
import { cn } from "./class-names";

type Edges = { start: boolean; end: boolean };

/**
 * A horizontally scrolling strip (tab bars, navigation) that fades the edge where more items are
 * hidden, so that it shows that it scrolls.
 */
export function ScrollFade({ className, children, ...props }: ComponentPropsWithoutRef<"div">) {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState<Edges>({ start: false, end: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const max = el.scrollWidth - el.clientWidth;
      setEdges({ start: el.scrollLeft > 1, end: el.scrollLeft < max - 1 });
    };
    update();
    el.addEventListener("scroll", update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener("scroll", update);
      observer.disconnect();
    };
  }, []);
  const mask =
    edges.start && edges.end
      ? "linear-gradient(to right, transparent, black 2rem, black calc(100% - 2rem), transparent)"
      : edges.end
        ? "linear-gradient(to right, black calc(100% - 2rem), transparent)"
        : edges.start
          ? "linear-gradient(to right, transparent, black 2rem)"
          : undefined;
  return (
    <div
      ref={ref}
      data-scroll-start={edges.start || undefined}
      data-scroll-end={edges.end || undefined}
      style={mask ? { maskImage: mask, WebkitMaskImage: mask } : undefined}
      className={cn("overflow-x-auto [scrollbar-width:thin]", className)}
      {...props}
    >
      {children}
    </div>
  );
}
