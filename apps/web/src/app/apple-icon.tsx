import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

/** The home-screen icon: the Aspen mark on its green square (no text, so no font is needed). */
export default function AppleIcon() {
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#059669" }}>
      <svg viewBox="0 0 32 32" width="132" height="132">
        <path d="M16 6l7 12h-4l4 7H9l4-7H9z" fill="#fff" />
      </svg>
    </div>,
    size,
  );
}
