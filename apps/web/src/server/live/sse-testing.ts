import { waitFor } from "../device-api/testing";

/** Test support for the live streams (imported by *.int.test.ts only). */

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads a server-sent event stream in the background; `closed` flips when the server ends it. */
export function readEvents(res: Response) {
  if (!res.body) throw new Error("the response has no body");
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  const state = { closed: false };
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n").filter((l) => !l.startsWith(":"));
          const event = lines.find((l) => l.startsWith("event: "))?.slice(7) ?? "message";
          const data = lines
            .filter((l) => l.startsWith("data: "))
            .map((l) => l.slice(6))
            .join("\n");
          if (data) events.push({ event, data });
        }
      }
    } catch {
      /* cancelled */
    }
    state.closed = true;
  })();
  return {
    events,
    state,
    messages: () => events.filter((e) => e.event === "message").flatMap((e) => JSON.parse(e.data) as Record<string, unknown>[]),
    ready: () => waitFor(() => (events.some((e) => e.event === "ready") ? true : undefined), 5000),
    cancel: () => reader.cancel(),
  };
}
