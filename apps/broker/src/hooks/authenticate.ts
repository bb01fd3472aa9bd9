import { hashSecret, internalTopic, canPublish, parseDeviceTopic, parseMqttUsername, safeEqualHex } from "@aspen/core";
import type { DeviceCredentials } from "@aspen/db/broker";
import type { Aedes, AuthenticateError, Client } from "aedes";
import type { Logger } from "pino";
import type { CredentialStore } from "../auth/credential-store";
import type { Metrics } from "../metrics";
import { localClient, rewriteWill, setClientId, willOf } from "../aedes-adapter";
import { bindSession, connectionInfo, dropConnectionInfo, intern, sessionOf, type RateLimit } from "../session";
import type { DeviceActivity } from "../state/device-activity";

/** MQTT 3.1.1 CONNACK return codes the broker refuses with. */
export const ReturnCode = {
  identifierRejected: 2,
  serverUnavailable: 3,
  badUsernameOrPassword: 4,
  notAuthorized: 5,
} as const;

const maxClientIdLength = 256;

export interface AuthenticateDeps {
  credentials: CredentialStore;
  activity: DeviceActivity;
  log: Logger;
  metrics: Metrics;
  broker: () => Aedes;
  rate: { perSec: number; burst: number };
  /** True while the database is unreachable: new connections are refused with CONNACK 3 (nothing they send could be stored). */
  unavailable?: () => boolean;
}

type Done = (err: AuthenticateError | null, ok: boolean | null) => void;

class Refusal extends Error {
  constructor(
    readonly returnCode: number,
    readonly reason: string,
    readonly device?: DeviceCredentials,
  ) {
    super(reason);
  }
}

/**
 * Authenticates a device by `<tenant-slug>/<device-name>` + secret, or by its secret alone as the
 * username (ThingsBoard access token). On success the connection is bound to the device: aedes'
 * client id becomes the device id, so sessions (and takeovers) are per device and no other device —
 * of this tenant or another — can resume or take over a session by presenting the same client id.
 */
export function createAuthenticate(deps: AuthenticateDeps) {
  const { credentials, log, metrics } = deps;
  // One object for all connections. (A closure made inside the callback below would keep that
  // callback's whole scope, aedes' CONNECT state among it, alive as long as the connection.)
  const rate: RateLimit = { perSec: deps.rate.perSec, burst: deps.rate.burst, onThrottle: () => metrics.throttled.inc() };

  async function identify(username: string | undefined, password: Buffer | undefined): Promise<DeviceCredentials> {
    if (!username)
      throw new Refusal(
        ReturnCode.badUsernameOrPassword,
        "no username: use <tenant>/<device> with the device secret as password, or the secret as username",
      );
    if (username.includes("/")) {
      const parsed = parseMqttUsername(username);
      if (!parsed) throw new Refusal(ReturnCode.badUsernameOrPassword, "malformed username: expected <tenant-slug>/<device-name>");
      const creds = await credentials.byName(parsed.tenantSlug, parsed.deviceName);
      if (!creds) throw new Refusal(ReturnCode.badUsernameOrPassword, "unknown device");
      if (!password || password.length === 0)
        throw new Refusal(ReturnCode.badUsernameOrPassword, "no password: send the device secret", creds);
      if (!safeEqualHex(hashSecret(password.toString("utf8")), creds.secretHash)) {
        throw new Refusal(ReturnCode.badUsernameOrPassword, "wrong secret", creds);
      }
      return creds;
    }
    const creds = await credentials.bySecretHash(hashSecret(username));
    if (!creds) throw new Refusal(ReturnCode.badUsernameOrPassword, "unknown access token");
    return creds;
  }

  return (client: Client, username: string | undefined, password: Buffer | undefined, done: Done) => {
    const info = connectionInfo(client.conn) ?? { protocol: "mqtt" as const, ip: null };
    const clientId = info.clientId ?? client.id;
    // aedes keeps the CONNECT packet for the life of the connection: the secret need not stay with it.
    if (info.packet) {
      info.packet.password = undefined;
      info.packet.username = undefined;
      info.packet = undefined;
    }
    (deps.unavailable?.()
      ? Promise.reject(new Refusal(ReturnCode.serverUnavailable, "the database is unreachable; try again later"))
      : identify(username, password)
    )
      .then((creds) => {
        if (creds.tenantStatus !== "active") throw new Refusal(ReturnCode.notAuthorized, "tenant suspended", creds);
        if (!creds.enabled) throw new Refusal(ReturnCode.notAuthorized, "device disabled", creds);
        if (clientId === "" && !client.clean) {
          throw new Refusal(ReturnCode.identifierRejected, "an empty client id needs a clean session (MQTT-3.1.3-8)", creds);
        }
        if (clientId.length > maxClientIdLength) {
          throw new Refusal(ReturnCode.identifierRejected, `client id longer than ${maxClientIdLength} characters`, creds);
        }
        // The Last Will is published as the device itself, so it must be one of its own publish topics.
        const will = willOf(client);
        if (will) {
          const t = parseDeviceTopic(will.topic);
          if (!t || !canPublish(t))
            throw new Refusal(ReturnCode.notAuthorized, `will topic "${will.topic.slice(0, 100)}" is not allowed`, creds);
          rewriteWill(client, internalTopic(creds.tenantId, creds.deviceId, will.topic));
        }
        const previous = localClient(deps.broker(), creds.deviceId);
        const prevSession = sessionOf(previous);
        if (prevSession) prevSession.closeReason = "taken over by a new connection of the same device";
        setClientId(client, creds.deviceId);
        bindSession(client, {
          tenantId: intern(creds.tenantId),
          tenantSlug: intern(creds.tenantSlug),
          deviceId: creds.deviceId,
          deviceName: creds.deviceName,
          productId: intern(creds.productId),
          secretHash: creds.secretHash,
          clientId,
          protocol: info.protocol,
          ip: intern(info.ip),
          rate,
        });
        dropConnectionInfo(client.conn);
        metrics.connects.inc({ result: "accepted" });
        log.debug(
          { device: `${creds.tenantSlug}/${creds.deviceName}`, deviceId: creds.deviceId, clientId, ip: info.ip, protocol: info.protocol },
          "device connected",
        );
        done(null, true);
      })
      .catch((err: unknown) => {
        const refusal =
          err instanceof Refusal ? err : new Refusal(ReturnCode.serverUnavailable, "credential lookup failed; try again later");
        if (!(err instanceof Refusal)) log.error({ err }, "authentication failed on an internal error");
        metrics.connects.inc({ result: `refused_${refusal.returnCode}` });
        log.warn(
          {
            returnCode: refusal.returnCode,
            reason: refusal.reason,
            username: username?.includes("/") ? username : undefined,
            clientId,
            ip: info.ip,
          },
          "connection refused",
        );
        if (refusal.device) {
          deps.activity.recordError(
            { tenantId: refusal.device.tenantId, deviceId: refusal.device.deviceId },
            "auth",
            `connection refused (CONNACK ${refusal.returnCode}): ${refusal.reason}${info.ip ? ` from ${info.ip}` : ""}`,
            null,
          );
        }
        const e = new Error(refusal.reason) as AuthenticateError;
        e.returnCode = refusal.returnCode;
        done(e, null);
      });
  };
}
