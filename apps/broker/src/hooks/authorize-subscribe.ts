import { allowedSubscription, internalTopic, parseInternalTopic } from "@aspen/core";
import type { Client, Subscription } from "aedes";
import type { Logger } from "pino";
import { sessionOf } from "../session";
import type { DeviceActivity } from "../state/device-activity";

/**
 * A device may subscribe to its desired attributes, attribute responses and commands only. Allowed
 * filters are rewritten in place to the tenant- and device-qualified internal topic (aedes stores
 * the rewritten filter in the session, so a restored session arrives here already internal).
 * Refused filters get SUBACK 0x80; the connection stays.
 */
export function createAuthorizeSubscribe(deps: { activity: DeviceActivity; log: Logger }) {
  return (client: Client, sub: Subscription, done: (err: Error | null, sub?: Subscription | null) => void) => {
    const session = sessionOf(client);
    if (!session) return done(null, null);
    const internal = parseInternalTopic(sub.topic);
    if (internal) {
      const own = internal.tenantId === session.tenantId && internal.deviceId === session.deviceId;
      if (own && allowedSubscription(internal.deviceTopic)) return done(null, sub);
    } else if (allowedSubscription(sub.topic)) {
      sub.topic = internalTopic(session.tenantId, session.deviceId, sub.topic);
      if (sub.qos > 1) sub.qos = 1;
      return done(null, sub);
    }
    const reason = `subscription to "${sub.topic.slice(0, 200)}" refused: allowed are v1/devices/me/attributes, v1/devices/me/attributes/response/+ and v1/devices/me/rpc/request/+`;
    deps.activity.recordError(session, "acl", reason, sub.topic.slice(0, 300));
    deps.log.warn({ deviceId: session.deviceId, topic: sub.topic.slice(0, 200) }, "subscription refused");
    done(null, null);
  };
}
