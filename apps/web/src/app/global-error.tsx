"use client";

/** Last resort when the root layout itself fails: no providers, plain HTML. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem 1rem", textAlign: "center" }}>
        <h1>Something went wrong · 出错了</h1>
        {error.digest ? <p style={{ fontFamily: "monospace", color: "#888" }}>{error.digest}</p> : null}
        <button type="button" onClick={reset} style={{ marginTop: "1rem", padding: "0.5rem 1rem" }}>
          Try again · 重试
        </button>
      </body>
    </html>
  );
}
