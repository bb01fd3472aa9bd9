/** Largest request body any tRPC call may send (a device-model import included). */
export const MAX_TRPC_BODY_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; body: Uint8Array<ArrayBuffer> } | { ok: false; status: 413 };

/**
 * Reads a request body up to `limit` bytes and stops at the first byte past
 * it (without buffering the rest): a declared Content-Length over the limit is
 * refused before anything is read.
 */
export async function readBodyCapped(req: Request, limit: number): Promise<BodyRead> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return { ok: false, status: 413 };
  if (!req.body) return { ok: true, body: new Uint8Array(new ArrayBuffer(0)) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, status: 413 };
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, body };
}
