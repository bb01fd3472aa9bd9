import mqttPacket from "mqtt-packet";
import { describe, expect, it } from "vitest";
import { PacketGuard } from "./packet-guard";

const connect = mqttPacket.generate({ cmd: "connect", protocolId: "MQTT", protocolVersion: 4, clientId: "c1", clean: true, keepalive: 30 });
const publish = (bytes: number) =>
  mqttPacket.generate({
    cmd: "publish",
    topic: "v1/devices/me/telemetry",
    payload: Buffer.alloc(bytes),
    qos: 0,
    retain: false,
    dup: false,
  });

describe("PacketGuard", () => {
  it("passes a normal stream split at every byte", () => {
    const stream = Buffer.concat([connect, publish(10), publish(300), publish(0)]);
    const g = new PacketGuard(1024);
    for (const b of stream) expect(g.check(Uint8Array.of(b))).toBeNull();
  });

  it("refuses a packet over the limit from its header alone", () => {
    const g = new PacketGuard(1024);
    expect(g.check(connect)).toBeNull();
    const big = publish(2000);
    expect(g.check(big.subarray(0, 4))).toMatch(/exceeds the limit of 1024 bytes/);
  });

  it("refuses a first packet that is not CONNECT, and an oversized CONNECT", () => {
    expect(new PacketGuard(1024).check(publish(1))).toBe("the first packet is not CONNECT");
    // 128 MiB announced in the fixed header of a CONNECT
    expect(new PacketGuard(262_144).check(Uint8Array.of(0x10, 0xff, 0xff, 0xff, 0x3f))).toMatch(/CONNECT of \d+ bytes exceeds/);
  });

  it("refuses a remaining length longer than four bytes", () => {
    const g = new PacketGuard(1024);
    expect(g.check(connect)).toBeNull();
    expect(g.check(Uint8Array.of(0x30, 0x80, 0x80, 0x80, 0x80))).toBe("malformed remaining length");
  });
});
