"use client";

// Replaces the root layout when it fails, so it cannot rely on globals.css or providers.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", background: "#0b0b10", color: "#eee", display: "grid", placeItems: "center", minHeight: "100dvh", margin: 0 }}>
        <div style={{ textAlign: "center", maxWidth: 420, padding: 24 }}>
          <h1 style={{ fontSize: 20 }}>Radium could not load</h1>
          <p style={{ opacity: 0.7, fontSize: 14 }}>{error.digest ? `Reference ${error.digest}.` : "An unexpected error occurred."}</p>
          <button type="button" onClick={reset} style={{ marginTop: 12, padding: "8px 16px", borderRadius: 8, border: "1px solid #555", background: "#7c3aed", color: "white", cursor: "pointer" }}>
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}
