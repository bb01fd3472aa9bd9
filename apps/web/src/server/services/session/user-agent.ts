import Bowser from "bowser";

export type DeviceKind = "desktop" | "mobile" | "tablet" | "tv" | "bot" | "unknown";

export interface UserAgentSummary {
  /** e.g. "Chrome 131", or null when the agent is unknown. */
  browser: string | null;
  /** e.g. "macOS 15.1", "Android 14". */
  os: string | null;
  device: DeviceKind;
}

const kinds = new Set<DeviceKind>(["desktop", "mobile", "tablet", "tv", "bot"]);
const major = (version: string | undefined) => version?.split(".")[0];

/** What a person recognises a session by: browser, operating system and kind of device (bowser's parser). */
export function describeUserAgent(ua: string | null | undefined): UserAgentSummary {
  if (!ua?.trim()) return { browser: null, os: null, device: "unknown" };
  const r = Bowser.parse(ua);
  const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(" ") || null;
  const type = r.platform.type as DeviceKind | undefined;
  return {
    browser: r.browser.name ? join(r.browser.name, major(r.browser.version)) : null,
    os: r.os.name ? join(r.os.name, r.os.versionName ?? r.os.version) : null,
    device: type && kinds.has(type) ? type : "unknown",
  };
}
