const HEADER = 0;
const LENGTH = 1;
const BODY = 2;
const CONNECT = 1;

/**
 * Follows MQTT fixed headers through a byte stream without buffering anything, so that a packet
 * announcing more than the limit is refused as soon as its first bytes arrive — aedes' parser would
 * otherwise buffer it whole (it has no size cap). Also insists that the first packet is a CONNECT
 * of at most `maxConnectBytes`.
 */
export class PacketGuard {
  private state = HEADER;
  private first = true;
  private packetType = 0;
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;

  constructor(
    private readonly maxPacketBytes: number,
    private readonly maxConnectBytes: number = Math.min(maxPacketBytes, 65_536),
  ) {}

  /** Checks the next chunk of the stream; returns the reason to close the connection, or null. */
  check(chunk: Uint8Array): string | null {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.state === BODY) {
        const take = Math.min(this.remaining, n - i);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) this.state = HEADER;
        continue;
      }
      const byte = chunk[i++]!;
      if (this.state === HEADER) {
        this.packetType = byte >> 4;
        if (this.first && this.packetType !== CONNECT) return "the first packet is not CONNECT";
        this.state = LENGTH;
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        continue;
      }
      // LENGTH: the variable-length "remaining length", 1 to 4 bytes of 7 bits each.
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.lengthBytes++;
      if (byte & 0x80) {
        if (this.lengthBytes === 4) return "malformed remaining length";
        continue;
      }
      const total = 1 + this.lengthBytes + this.length;
      const limit = this.first ? this.maxConnectBytes : this.maxPacketBytes;
      if (total > limit) {
        return `${this.first ? "CONNECT" : "packet"} of ${total} bytes exceeds the limit of ${limit} bytes`;
      }
      this.first = false;
      if (this.length === 0) {
        this.state = HEADER;
      } else {
        this.state = BODY;
        this.remaining = this.length;
      }
    }
    return null;
  }
}
