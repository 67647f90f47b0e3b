import { expect, test } from "@playwright/test";

// The local Inngest runner (started by playwright.config.ts on :8299, syncing the built app on
// :3100) runs the app's `ping` function end to end, and its dashboard shows the run and its steps.
const RUNNER = process.env.E2E_INNGEST_RUNNER_URL ?? "http://127.0.0.1:8299";

test("the runner dashboard shows a completed run of the app's ping function and its steps", async ({ page, request }) => {
  // The runner re-syncs the app every few seconds; wait until it knows radium-ping.
  await expect
    .poll(
      async () => {
        const res = await request.get(`${RUNNER}/api/functions`);
        const body = (await res.json()) as { functions: Array<{ id: string }> };
        return body.functions.map((f) => f.id);
      },
      { timeout: 45_000, message: "the runner synced the app's functions" },
    )
    .toContain("radium-ping");

  // Send the event the way the SDK does: POST /e/<key> with a JSON array.
  const sent = await request.post(`${RUNNER}/e/test`, { data: [{ name: "radium/ping", data: { message: "from e2e" } }] });
  expect(sent.ok()).toBe(true);
  const { ids, status } = (await sent.json()) as { ids: string[]; status: number };
  expect(status).toBe(200);
  const eventId = ids[0]!;

  let runId = "";
  await expect
    .poll(
      async () => {
        const res = await request.get(`${RUNNER}/api/runs?event=${eventId}`);
        const { runs } = (await res.json()) as { runs: Array<{ id: string; status: string }> };
        runId = runs[0]?.id ?? "";
        return runs[0]?.status;
      },
      { timeout: 30_000, message: "the ping run completed" },
    )
    .toBe("completed");

  // Runs list: the run is there, completed, with its function and trigger.
  await page.goto(`${RUNNER}/?function=radium-ping`);
  const row = page.locator(`tr[data-run-id="${runId}"]`);
  await expect(row).toBeVisible();
  await expect(row.locator(".badge")).toHaveText(/completed/i);
  await expect(row).toContainText("radium-ping");
  await expect(row).toContainText("radium/ping");

  // Run page: output and the two steps in order, each completed once.
  await row.getByRole("link", { name: /…/ }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Ping");
  await expect(page.locator("h1 + .badge, .head .badge").first()).toHaveText(/completed/i);
  await expect(page.locator("pre.json").first()).toContainText('"pong": true');
  const steps = page.locator("table.timeline tbody tr");
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText("receive");
  await expect(steps.nth(1)).toContainText("reply");
  for (const i of [0, 1]) {
    await expect(steps.nth(i).locator(".badge")).toHaveText(/completed/i);
    await expect(steps.nth(i)).toContainText("StepRun");
  }

  // Opening a step shows its output.
  await steps.nth(0).locator("summary").click();
  await expect(steps.nth(0)).toContainText("from e2e");

  // Events page lists the event with the run it started.
  await page.goto(`${RUNNER}/events`);
  const eventRow = page.locator(`tr[data-event-id="${eventId}"]`);
  await expect(eventRow).toContainText("radium/ping");
  await expect(eventRow).toContainText("radium-ping");
});
