import { Redis } from "ioredis";

export interface RecordedMessage {
  channel: string;
  msg: Record<string, unknown>;
}

/**
 * For integration tests: records what is published on some Redis channels, in arrival order, and
 * waits for a message by its arrival (an event), not by polling against a wall-clock deadline that
 * a loaded machine can miss. A message that never comes fails the test at the test's own timeout.
 */
export class ChannelRecorder {
  readonly messages: RecordedMessage[] = [];
  private waiters: { match: (m: RecordedMessage) => boolean; resolve: (m: RecordedMessage) => void }[] = [];

  private constructor(private readonly sub: Redis) {
    sub.on("message", (channel: string, raw: string) => {
      const m: RecordedMessage = { channel, msg: JSON.parse(raw) as Record<string, unknown> };
      this.messages.push(m);
      this.waiters = this.waiters.filter((w) => (w.match(m) ? (w.resolve(m), false) : true));
    });
  }

  /** Subscribes to `channels` (resolved once Redis confirmed the subscription). */
  static async start(url: string, channels: string[]): Promise<ChannelRecorder> {
    const sub = new Redis(url);
    await sub.subscribe(...channels);
    return new ChannelRecorder(sub);
  }

  /** The first message (already recorded or still to come) that `match` accepts. */
  next(match: (m: RecordedMessage) => boolean): Promise<RecordedMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async close(): Promise<void> {
    await this.sub.quit();
  }
}
