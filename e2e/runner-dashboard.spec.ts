import { expect, type APIRequestContext, type Page, test } from "@playwright/test";

// The local Inngest runner's dashboard (started by playwright.config.ts in signed mode against the
// built app) on a phone: no page scrolls sideways at 390 px, in either theme, and the functions
// page's Invoke editor refuses invalid JSON and starts a run with valid JSON.
const RUNNER = process.env.E2E_INNGEST_RUNNER_URL ?? "http://127.0.0.1:8299";
const EVENT_KEY = process.env.E2E_INNGEST_EVENT_KEY ?? "";

test.use({ viewport: { width: 390, height: 844 } });

async function waitForPing(request: APIRequestContext): Promise<void> {
  await expect
    .poll(
      async () => {
        const body = (await (await request.get(`${RUNNER}/api/functions`)).json()) as { functions: Array<{ id: string }> };
        return body.functions.map((f) => f.id);
      },
      { timeout: 45_000, message: "the runner synced the app's functions" },
    )
    .toContain("radium-ping");
}

/** A completed run of the app's ping function, started the way the SDK sends events. */
async function completedPingRun(request: APIRequestContext): Promise<string> {
  const sent = await request.post(`${RUNNER}/e/${EVENT_KEY}`, { data: [{ name: "radium/ping", data: { message: "phone width" } }] });
  expect(sent.ok()).toBe(true);
  const [eventId] = ((await sent.json()) as { ids: string[] }).ids;
  let runId = "";
  await expect
    .poll(
      async () => {
        const { runs } = (await (await request.get(`${RUNNER}/api/runs?event=${eventId}`)).json()) as { runs: Array<{ id: string; status: string }> };
        runId = runs[0]?.id ?? "";
        return runs[0]?.status;
      },
      { timeout: 30_000, message: "the ping run completed" },
    )
    .toBe("completed");
  return runId;
}

/** The page's widths, and the panels that scroll sideways inside themselves (tables must become cards instead). */
async function overflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    scrollingPanels: [...document.querySelectorAll<HTMLElement>(".panel")].filter((p) => p.scrollWidth > p.clientWidth + 1).map((p) => p.className),
  }));
}

for (const scheme of ["light", "dark"] as const) {
  test(`runs, a run, functions and events fit 390 px without sideways scrolling (${scheme})`, async ({ page, request }) => {
    await waitForPing(request);
    const runId = await completedPingRun(request);
    await page.emulateMedia({ colorScheme: scheme });
    const pages = [
      { path: "/", ready: page.locator(`[data-run-id="${runId}"]`) },
      { path: `/runs/${runId}`, ready: page.locator("table.timeline tbody tr").first() },
      { path: "/functions", ready: page.locator('[data-function-id="radium-ping"]') },
      { path: "/events", ready: page.locator("[data-event-id]").first() },
    ];
    for (const { path, ready } of pages) {
      await page.goto(`${RUNNER}${path}`);
      await expect(ready).toBeVisible();
      // The page follows the emulated scheme (no theme was picked with the toggle).
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: light)").matches)).toBe(scheme === "light");
      const { scrollWidth, clientWidth, scrollingPanels } = await overflow(page);
      expect(clientWidth, path).toBe(390);
      expect(scrollWidth, `${path} scrolls sideways in ${scheme}`).toBeLessThanOrEqual(clientWidth);
      expect(scrollingPanels, `${path}: panels scrolling sideways in ${scheme}`).toEqual([]);
    }
    // The two themes really differ: the page background follows the scheme.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: scheme === "light" ? "dark" : "light" });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(background);
  });
}

test("the Invoke editor refuses invalid JSON with a message, and starts a run with valid JSON", async ({ page, request }) => {
  await waitForPing(request);
  await page.goto(`${RUNNER}/functions`);
  const row = page.locator('[data-function-id="radium-ping"]');
  await row.getByRole("button", { name: "Invoke" }).click();
  const dialog = page.getByRole("dialog", { name: /Invoke Ping/ });
  await expect(dialog).toBeVisible();
  const editor = dialog.getByRole("textbox", { name: "Payload (JSON)" });
  const submit = dialog.getByRole("button", { name: "Invoke function" });
  const error = dialog.locator("[data-json-error]");

  await editor.fill('{ "data": ');
  await expect(error).toHaveText(/^Not valid JSON/);
  await expect(editor).toHaveAttribute("aria-invalid", "true");
  await expect(submit).toBeDisabled();
  await editor.fill('{ "data": [1] }');
  await expect(error).toHaveText('"data" must be an object');
  await expect(submit).toBeDisabled();
  expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(390);

  await editor.fill('{ "data": { "message": "from the invoke editor" } }');
  await expect(error).toHaveText("");
  await expect(submit).toBeEnabled();
  await submit.click();

  // The form post (same origin, so the signed runner takes it without the event key) opens the new run.
  await expect(page).toHaveURL(new RegExp(`^${RUNNER}/runs/\\w+$`));
  const runId = new URL(page.url()).pathname.split("/").pop() ?? "";
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ping");
  await expect
    .poll(async () => ((await (await request.get(`${RUNNER}/api/runs/${runId}`)).json()) as { status: string }).status, {
      timeout: 30_000,
      message: "the invoked run completed",
    })
    .toBe("completed");
  const run = (await (await request.get(`${RUNNER}/api/runs/${runId}`)).json()) as {
    function_id: string;
    event: { name: string; data: { message?: string } };
  };
  expect(run.function_id).toBe("radium-ping");
  expect(run.event).toMatchObject({ name: "inngest/function.invoked", data: { message: "from the invoke editor" } });
  await page.reload();
  await expect(page.locator(".head .badge").first()).toHaveText(/completed/i);
});
