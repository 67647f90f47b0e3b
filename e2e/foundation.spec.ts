import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";

test("signed-out visitors are sent to sign-in", async ({ page }) => {
  await page.goto("/models");
  await expect(page).toHaveURL(/\/sign-in\?redirect_url=%2Fmodels/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("local sign-in, models catalog with filters, sign-out", async ({ page }) => {
  const user = uniqueUser("ada");
  await signIn(page, user, "/models");
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByRole("heading", { name: "Models" })).toBeVisible();

  const rows = page.getByTestId("model-row");
  await expect(rows.first()).toBeVisible();
  const total = await rows.count();
  expect(total).toBeGreaterThanOrEqual(12);
  await expect(page.getByText("Llama 3.1 8B Instruct")).toBeVisible();

  // Search narrows the list and is kept in the URL.
  await page.getByLabel("Search models").fill("mixtral");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Mixtral 8x7B Instruct");
  await expect(page).toHaveURL(/q=mixtral/);
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(rows).toHaveCount(total);

  // Type filter.
  await page.getByRole("combobox", { name: "Filter by type" }).click();
  await page.getByRole("option", { name: "Embedding" }).click();
  await expect(rows).toHaveCount(2);
  await expect(page).toHaveURL(/type=embedding/);

  // Provider filter combined with type → nothing, with an empty state.
  await page.getByRole("combobox", { name: "Filter by provider" }).click();
  await page.getByRole("option", { name: "Meta" }).click();
  await expect(page.getByText("No models match")).toBeVisible();
  await page.getByRole("button", { name: "Clear" }).click();

  // Detail page.
  await page.getByRole("link", { name: "GPT-4o mini" }).click();
  await expect(page).toHaveURL(/\/models\/gpt-4o-mini$/);
  await expect(page.getByRole("heading", { name: /GPT-4o mini/ })).toBeVisible();
  await expect(page.getByText("128K (128,000 tokens)")).toBeVisible();

  // Unknown model → 404 page, with the 404 status (the page has no loading state to send first).
  expect((await page.goto("/models/does-not-exist"))?.status()).toBe(404);
  await expect(page.getByText("Page not found")).toBeVisible();

  // Every section is a real page.
  for (const [label, heading] of [
    ["Deployments", "Deployments"],
    ["Fine-tuning", "Fine-tuning"],
    ["Datasets", "Datasets"],
    ["Dashboard", "Dashboard"],
  ] as const) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }

  // Sign out returns to sign-in, and app pages are closed again.
  const session = await page.context().cookies();
  await page.getByRole("button", { name: new RegExp(`Account menu for ${user.name}`) }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/models");
  await expect(page).toHaveURL(/\/sign-in/);
  // The session was revoked, not only its cookie deleted: a saved copy of the cookie no longer works.
  await page.context().addCookies(session);
  expect((await page.request.get("/api/trpc/models.list")).status()).toBe(401);
  await page.goto("/models");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("health reports the embedded adapters", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.adapters.database).toMatchObject({ driver: "pglite", ok: true });
  expect(body.adapters.auth).toBe("local");
  expect(body.adapters.ai.provider).toBe("offline");
  expect(body.adapters.storage).toBe("local");
  // Cloud mode (signed requests) against the local runner, as against self-hosted Inngest; the public
  // answer names adapter kinds only, never hosts or paths.
  expect(body.adapters.inngest).toEqual({ mode: "cloud" });
  expect(JSON.stringify(body)).not.toContain("127.0.0.1");
});

test("tRPC answers 401 without a session and 400 with the zod message for bad input", async ({ page, request }) => {
  const unauth = await request.get("/api/trpc/models.list");
  expect(unauth.status()).toBe(401);

  await signIn(page, uniqueUser("bob"), "/models");
  const bad = await page.request.get(
    `/api/trpc/models.list?input=${encodeURIComponent(JSON.stringify({ json: { type: "bogus" } }))}`,
  );
  expect(bad.status()).toBe(400);
  const body = await bad.json();
  expect(body.error.json.message).toMatch(/^type: Invalid option/);

  const missing = await page.request.get(
    `/api/trpc/models.byId?input=${encodeURIComponent(JSON.stringify({ json: { id: "nope" } }))}`,
  );
  expect(missing.status()).toBe(404);
});

test("the sidebar prefetches a page when the pointer or focus reaches its link, not on load", async ({ page }) => {
  await signIn(page, uniqueUser("prefetch"), "/models");
  const rsc: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("_rsc=")) rsc.push(new URL(r.url()).pathname);
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Models" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(rsc).not.toContain("/deployments");

  const nav = page.getByRole("navigation", { name: "Main" });
  const asked = page.waitForRequest((r) => r.url().includes("_rsc=") && new URL(r.url()).pathname === "/deployments");
  await nav.getByRole("link", { name: "Deployments" }).hover();
  await asked;
  const askedOnFocus = page.waitForRequest((r) => r.url().includes("_rsc=") && new URL(r.url()).pathname === "/datasets");
  await nav.getByRole("link", { name: "Datasets" }).focus();
  await askedOnFocus;
  // The prefetched page opens from the link as before.
  await nav.getByRole("link", { name: "Deployments" }).click();
  await expect(page).toHaveURL(/\/deployments$/);
});
