import { createHash } from "node:crypto";
import { getRedis } from "../../redis";
import { restError } from "./errors";
import { restKeys } from "./keys";
import type { Principal } from "./principal";

/** How long a creating POST's answer is kept for replay. */
export const idempotencyTtlSeconds = 24 * 3600;

export interface StoredAnswer {
  status: number;
  body: string;
  location: string | null;
}

type Entry = { fingerprint: string; state: "pending" } | { fingerprint: string; state: "done"; answer: StoredAnswer };

const keyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on creating POSTs: the first request with a key runs and its answer is kept 24 h;
 * a repeat with the same body gets that answer again (`Idempotent-Replayed: true`); a repeat with a
 * different body is a 409, as is one arriving while the first is still running.
 */
export class Idempotency {
  private constructor(
    private readonly key: string,
    private readonly fingerprint: string,
  ) {}

  /** Claims the key, or returns the stored answer to replay. Null `header`: no idempotency asked. */
  static async begin(
    p: Principal,
    header: string | null,
    method: string,
    path: string,
    body: Uint8Array,
  ): Promise<Idempotency | StoredAnswer | null> {
    if (header === null) return null;
    if (!keyPattern.test(header)) throw restError(400, "invalid_request", "Idempotency-Key must be 1–255 visible ASCII characters.");
    const fingerprint = createHash("sha256").update(`${method} ${path}\n`).update(body).digest("hex");
    const key = restKeys().idempotency(p.tenant.id, `${p.kind}:${p.id}`, header);
    const redis = getRedis();
    const claimed = await redis.set(
      key,
      JSON.stringify({ fingerprint, state: "pending" } satisfies Entry),
      "EX",
      idempotencyTtlSeconds,
      "NX",
    );
    if (claimed === "OK") return new Idempotency(key, fingerprint);
    const raw = await redis.get(key);
    if (!raw) return Idempotency.begin(p, header, method, path, body); // expired in between: claim again
    const entry = JSON.parse(raw) as Entry;
    if (entry.fingerprint !== fingerprint) {
      throw restError(
        409,
        "idempotency_key_reused",
        "This Idempotency-Key was used with a different request; use a new key for a new request.",
      );
    }
    if (entry.state === "pending")
      throw restError(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still running; retry shortly.");
    return entry.answer;
  }

  /** Keeps the answer for replay; server errors release the key so the client can retry. */
  async finish(answer: StoredAnswer): Promise<void> {
    const redis = getRedis();
    if (answer.status >= 500) await redis.del(this.key);
    else
      await redis.set(
        this.key,
        JSON.stringify({ fingerprint: this.fingerprint, state: "done", answer } satisfies Entry),
        "EX",
        idempotencyTtlSeconds,
      );
  }

  /** Releases the key after a failure that produced no answer worth keeping. */
  async abandon(): Promise<void> {
    await getRedis().del(this.key);
  }
}
