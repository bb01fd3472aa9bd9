import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Why an address may not receive webhooks, or null when it may: only public unicast addresses
 * (the same rule request-filtering-agent applies at delivery), plus loopback when allowed.
 */
export function forbiddenAddress(address: string, opts: { allowLoopback: boolean }): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return `${address} is not an IP address`;
  }
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    const v4 = (parsed as ipaddr.IPv6).toIPv4Address();
    const inner = forbiddenAddress(v4.toString(), opts);
    return inner ? `${address} maps to ${inner}` : null;
  }
  const range = parsed.range();
  if (range === "unicast") return null;
  if (range === "loopback" && opts.allowLoopback) return null;
  return `${address} is a ${range} address`;
}

/**
 * Resolves a webhook URL's host and refuses it when any address is forbidden (loopback, private,
 * link-local, CGNAT, metadata…). Returns the reason, or null when the target is allowed. Sends
 * nothing to the target. Delivery checks again after its own resolution (DNS can change).
 */
export async function webhookTargetProblem(
  url: string,
  opts: { allowLoopback: boolean; resolve?: (host: string) => Promise<string[]> },
): Promise<string | null> {
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (opts.resolve ?? (async (h) => (await lookup(h, { all: true, verbatim: true })).map((a) => a.address)))(host);
    } catch {
      return `Could not resolve ${host}`;
    }
  }
  if (addresses.length === 0) return `Could not resolve ${host}`;
  for (const a of addresses) {
    const why = forbiddenAddress(a, opts);
    if (why) return `${host} resolves to a forbidden address: ${why}. Webhooks can only call public addresses.`;
  }
  return null;
}
