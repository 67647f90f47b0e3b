// Gzipped JS shipped to the chat page (and the models page), measured the way a browser gets it:
// start the production build (`next build` first), sign in, load the page in Chromium, and gzip
// every JS response. It prints this build's figures only: no other app is measured here.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Response } from "@playwright/test";

const PORT = 3150;
const base = `http://127.0.0.1:${PORT}`;

async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

export default async function run() {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("skipped: no production build (run `npm run build` first)");
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "radium-weight-"));
  const server = spawn("npx", ["next", "start", "-p", String(PORT)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PGLITE_DIR: dataDir, DATABASE_URL: "", OPENAI_API_KEY: "", AUTH_SECRET: "bench" },
    stdio: "ignore",
    detached: true,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    await waitFor(`${base}/api/health`);
    const page = await browser.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("Name").fill("Bench");
    await page.getByLabel("Email").fill("bench@example.com");
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
    // A chat with an answer: its page also ships what renders messages.
    const chatId = crypto.randomUUID();
    const turn = await page.request.post(`${base}/api/chat`, {
      data: { id: chatId, trigger: "submit-message", model: "radium-offline", message: { id: crypto.randomUUID(), role: "user", parts: [{ type: "text", text: "Hello" }] } },
    });
    await turn.body();
    for (const route of ["/", `/chat/${chatId}`, "/models"]) {
      const scripts = new Map<string, number>();
      const onResponse = async (res: Response) => {
        const type = res.headers()["content-type"] ?? "";
        if (!type.includes("javascript")) return;
        try {
          scripts.set(res.url(), zlib.gzipSync(await res.body(), { level: 9 }).byteLength);
        } catch {}
      };
      const fresh = await browser.newContext();
      await fresh.addCookies(await page.context().cookies());
      const p = await fresh.newPage();
      p.on("response", onResponse);
      await p.goto(`${base}${route}`, { waitUntil: "networkidle" });
      await p.waitForTimeout(500);
      const total = [...scripts.values()].reduce((a, b) => a + b, 0);
      const name = route.startsWith("/chat/") ? "/chat/<id>" : route;
      console.log(`${name.padEnd(10)} ${scripts.size} JS files, ${(total / 1024).toFixed(1)} KiB gzipped`);
      await fresh.close();
    }
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {}
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
