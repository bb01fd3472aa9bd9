/**
 * Delays before each retry of a failed delivery (after attempt 1, 2, …), as in Svix' schedule:
 * about 27 h in all, then the delivery is marked failed.
 */
export const webhookRetryDelaysMs = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;

/** Attempts in all (the first plus one per retry delay). */
export const webhookMaxAttempts = webhookRetryDelaysMs.length + 1;

/** An endpoint failing for this long (no success in between) is disabled and its owners are told. */
export const webhookDisableAfterMs = 3 * 24 * 3600_000;

/** The wait before retry `attemptsMade` (1-based), scaled (tests use a small scale) with ±20 % jitter. */
export function webhookRetryDelay(attemptsMade: number, scale = 1, random: () => number = Math.random): number {
  const base = webhookRetryDelaysMs[Math.min(Math.max(attemptsMade, 1), webhookRetryDelaysMs.length) - 1]!;
  return Math.max(1, Math.round(base * scale * (0.8 + 0.4 * random())));
}

/** Whether a response status counts as delivered (2xx); 410 Gone disables the endpoint. */
export const isDelivered = (status: number) => status >= 200 && status < 300;
export const disablesEndpoint = (status: number) => status === 410;
