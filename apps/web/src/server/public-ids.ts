import { parsePublicId, publicId, type IdPrefix } from "@aspen/core";
import { z } from "zod";

const what: Record<string, string> = {
  dev: "device",
  prd: "product",
  ten: "tenant",
  usr: "user",
  inv: "invitation",
  rul: "alert rule",
  alm: "alarm",
  ntf: "notification",
  whk: "webhook",
  dlv: "webhook delivery",
  evt: "event",
  ses: "session",
  dsh: "dashboard",
  shr: "share link",
};

/**
 * Accepts a prefixed public id (`dev_…`) and yields the uuid behind it; any
 * other string fails validation with a message naming the expected kind.
 */
export function publicIdInput(prefix: IdPrefix) {
  return z.string().transform((value, ctx) => {
    const uuid = parsePublicId(prefix, value);
    if (!uuid) {
      ctx.addIssue({ code: "custom", message: `Not a ${what[prefix] ?? prefix} id (expected ${prefix}_…)` });
      return z.NEVER;
    }
    return uuid;
  });
}

export { publicId };
