import { expect, type Page, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";

// Pages that await their data on the server: opened directly they hydrate without an error, and a
// click to one shows its loading state while the server is still answering.

const PAGES = [
  "/",
  "/dashboard",
  "/datasets",
  "/fine-tuning",
  "/fine-tuning/new",
  "/deployments",
  "/deployments/new",
  "/models",
  "/models/gpt-4o-mini",
  "/costs",
  "/settings",
  "/settings/api-keys",
  "/notifications",
] as const;

/** Resolves once React owns every element in the page's main region, i.e. hydration has committed. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const main = document.getElementById("main-content");
    if (!main || main.querySelector("[aria-busy='true'][role='status']")) return false;
    const owned = (el: Element) => Object.keys(el).some((k) => k.startsWith("__reactFiber"));
    return owned(main) && [...main.querySelectorAll("*")].every(owned);
  });
}

test("every page hydrates without an error", async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && /hydrat|Minified React error/i.test(msg.text())) errors.push(`${page.url()}: ${msg.text()}`);
  });
  await signIn(page, uniqueUser("hydrate"));
  for (const path of PAGES) {
    await test.step(path, async () => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await hydrated(page);
    });
  }
  expect(errors).toEqual([]);
});

/** Holds the navigation's own request for `pathname` (not its prefetch) until the returned release is called. */
async function holdNavigation(page: Page, pathname: string) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    (url) => url.pathname === pathname && url.searchParams.has("_rsc"),
    async (route) => {
      if (!route.request().headers()["next-router-prefetch"]) await released;
      await route.continue();
    },
  );
  return release;
}

test("a click to a page shows that page's loading state until the server answers", async ({ page }) => {
  await signIn(page, uniqueUser("loading"), "/models");
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
  await hydrated(page);

  // The sidebar's link prefetches on hover (its requests are over once the network is quiet); the
  // list's skeleton shows at once on the click.
  const nav = page.getByRole("navigation", { name: "Main" });
  const releaseList = await holdNavigation(page, "/deployments");
  await nav.getByRole("link", { name: "Deployments" }).hover();
  await page.waitForLoadState("networkidle");
  await nav.getByRole("link", { name: "Deployments" }).click();
  await expect(page.getByRole("status", { name: "Loading deployments" })).toBeVisible();
  releaseList();
  await expect(page.getByRole("heading", { level: 1, name: "Deployments" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Loading deployments" })).toHaveCount(0);

  // A page below the list, reached from elsewhere, shows its own skeleton, not the list's. The model
  // page's Deploy link prefetches the wizard as soon as it is on screen.
  const releaseWizard = await holdNavigation(page, "/deployments/new");
  await page.goto("/models/meta-llama-3.1-8b-instruct");
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Deploy", exact: true }).click();
  await expect(page.getByRole("status", { name: "Loading the deployment wizard" })).toBeVisible();
  await expect(page.getByRole("status", { name: "Loading deployments" })).toHaveCount(0);
  releaseWizard();
  await expect(page.getByRole("heading", { level: 1, name: "New deployment" })).toBeVisible();
  await expect(page).toHaveURL(/\/deployments\/new\?model=meta-llama-3\.1-8b-instruct$/);
  await expect(page.getByRole("status", { name: "Loading the deployment wizard" })).toHaveCount(0);
});

test("a malformed id answers 404 although its page has a loading state", async ({ page }) => {
  await signIn(page, uniqueUser("malformed"));
  for (const path of ["/datasets/nope", "/deployments/nope", "/fine-tuning/jobs/nope", "/models/artifacts/nope"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByText("Page not found")).toBeVisible();
  }
});
