import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";

// The local Inngest runner (started by playwright.config.ts, syncing the built app) runs in signed
// mode, as self-hosted Inngest, with the app in cloud mode against it: it runs the app's functions
// end to end, and its dashboard shows the runs and their steps.
const RUNNER = process.env.E2E_INNGEST_RUNNER_URL ?? "http://127.0.0.1:8299";
const EVENT_KEY = process.env.E2E_INNGEST_EVENT_KEY ?? "";

test("signed mode: the runner wants the event key, the app's /api/inngest wants a signature", async ({ request }) => {
  const wrongKey = await request.post(`${RUNNER}/e/test`, { data: [{ name: "radium/ping", data: {} }] });
  expect(wrongKey.status()).toBe(401);
  const unsigned = await request.post("/api/inngest?fnId=radium-ping&stepId=step", {
    data: { event: { name: "radium/ping", data: {} }, ctx: { run_id: "forged", attempt: 0 } },
  });
  expect(unsigned.status()).toBe(401);
  expect(await unsigned.json()).toEqual({ message: "Unauthorized" });
});

test("a new user gets the welcome notification, written by the app's function through the signed runner", async ({ page, request }) => {
  const user = uniqueUser("welcome");
  await signIn(page, user, "/models");
  // Sign-in wrote user/created to the outbox, which sent it to the runner with the event key.
  await expect
    .poll(
      async () => {
        const res = await request.get(`${RUNNER}/api/events?name=user/created&limit=100`);
        const { events } = (await res.json()) as { events: Array<{ payload: { data: { email?: string } }; runs: Array<{ status: string }> }> };
        return events.find((e) => e.payload.data.email === user.email)?.runs[0]?.status;
      },
      { timeout: 45_000, message: "the welcome run for the new user completed" },
    )
    .toBe("completed");
  await page.reload();
  await page.getByRole("button", { name: /Notifications/ }).click();
  await expect(page.getByRole("menu").getByText(`Welcome to Radium, ${user.name}`)).toBeVisible();
});

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
  const sent = await request.post(`${RUNNER}/e/${EVENT_KEY}`, { data: [{ name: "radium/ping", data: { message: "from e2e" } }] });
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
