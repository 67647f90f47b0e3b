import { expect, test, type Page } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { assistantMessages, sendMessage, waitForIdle } from "./helpers/chat";

// Security headers, the request id, and the nonce-based Content-Security-Policy holding in a real
// browser against the production build: no page may log a CSP violation.

/** Collects CSP violations (console errors and securitypolicyviolation events) from now on. */
async function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(msg.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

test("pages and API routes carry the security headers and a request id", async ({ page, request }) => {
  const signInPage = await request.get("/sign-in");
  const api = await request.get("/api/health", { headers: { "x-request-id": "e2e-request-id-0001" } });
  for (const res of [signInPage, api]) {
    const h = res.headers();
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-request-id"]).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
  }
  expect(api.headers()["x-request-id"]).toBe("e2e-request-id-0001");
  expect(signInPage.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  // A signed-in page, a tRPC call and a problem+json error too.
  await signIn(page, uniqueUser("headers"), "/models");
  const models = await page.request.get("/models");
  expect(models.headers()["x-request-id"]).toBeTruthy();
  expect(models.headers()["content-security-policy"]).toContain("'nonce-");
  const trpc = await page.request.get("/api/trpc/models.list");
  expect(trpc.headers()["x-request-id"]).toBeTruthy();
  // A Buffer, so Playwright sends the bytes as they are instead of JSON-encoding the string.
  const bad = await page.request.post("/api/inngest?fnId=x", { data: Buffer.from("{not json"), headers: { "content-type": "application/json" } });
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toBe("application/problem+json");
  expect(await bad.json()).toMatchObject({ status: 400, trace_id: bad.headers()["x-request-id"] });
});

test("sign-in redirects never point at a forged Host or X-Forwarded-Host", async ({ request }) => {
  const forged: Array<Record<string, string>> = [{ "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, { host: "evil.example" }];
  for (const headers of forged) {
    const res = await request.get("/models?q=1", { headers, maxRedirects: 0 });
    expect(res.status()).toBe(307);
    const location = res.headers().location ?? "";
    expect(location).not.toContain("evil.example");
    expect(location).toBe("/sign-in?redirect_url=%2Fmodels%3Fq%3D1");
  }
});

test("the main pages run under the CSP without a single violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // next-themes' inline script (nonced) has set the theme class before hydration.
  await expect(page.locator("html")).toHaveClass(/dark|light/);

  await signIn(page, uniqueUser("csp"), "/");
  await sendMessage(page, "write a python function that adds two numbers");
  await waitForIdle(page);
  await expect(assistantMessages(page).last()).toContainText(/\w+/);

  await page.goto("/models");
  await expect(page.getByTestId("model-row").first()).toBeVisible();
  await page.goto("/models/gpt-4o-mini");
  await expect(page.getByRole("heading", { name: /GPT-4o mini/ })).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  expect(violations).toEqual([]);
});
