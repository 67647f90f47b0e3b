import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";

// Fine-tuning on the production build with the local runner and the training simulator
// (TRAINING_SIMULATOR_SPEED in playwright.config.ts): a dataset uploaded through the datasets page
// becomes ready; the configurator prices presets in the browser; the job runs to completed while the
// loss chart grows; its model artifact downloads and deploys as an adapter on its base model; a
// second job is cancelled and billed only for the steps it completed.

const FIXTURE = path.join(import.meta.dirname, "fixtures/fine-tuning/support-chats.jsonl");
const DATASET = "Support chats";
const user = uniqueUser("tuner");
const shared: { datasetId?: string } = {};

test.describe.configure({ mode: "serial" });

/** Drops the fixture on the datasets page's upload zone, as a browser delivers a dropped file. */
async function dropFixture(page: Page) {
  const transfer = await page.evaluateHandle(
    ([content, name]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: "application/jsonl" }));
      return dt;
    },
    [fs.readFileSync(FIXTURE, "utf8"), path.basename(FIXTURE)] as const,
  );
  const zone = page.getByTestId("upload-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

async function configuratorReady(page: Page) {
  await expect(page.locator('form[aria-label="New fine-tuning job"][data-ready]')).toBeVisible();
  await expect(page.getByTestId("dataset-summary")).toHaveAttribute("data-status", "ready");
}

/** Picks a base model by keyboard: search, Tab into the results, Space checks the only match. */
async function chooseBaseModel(page: Page, name: string) {
  await page.getByLabel("Search base models").focus();
  await page.keyboard.type(name);
  const group = page.getByRole("radiogroup", { name: "Base model", exact: true });
  await expect(group.getByRole("radio")).toHaveCount(1);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(group.getByRole("radio", { name: new RegExp(`^${name.replaceAll(".", "\\.")}`) })).toBeChecked();
}

const estimateCents = async (page: Page) => Number(await page.getByTestId("estimate-total").getAttribute("data-cents"));

test("from a ready dataset to a deployed adapter: presets move the estimate, the curve grows, the artifact downloads and deploys", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const trpc: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/trpc")) trpc.push(r.url());
  });

  // A ready dataset, through the datasets page.
  await signIn(page, user, "/datasets");
  await dropFixture(page);
  await expect(page.getByTestId("validation-report")).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
  await page.getByLabel("Name").fill(DATASET);
  // A fifth held out for validation (eight examples), so the chart has a validation curve.
  await page.getByRole("combobox", { name: "Validation split" }).click();
  await page.getByRole("option", { name: "20%" }).click();
  // The split re-validates the file in the worker: as long as the first pass may take.
  await expect(page.getByTestId("validation-report")).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
  await page.getByRole("button", { name: "Upload dataset" }).click();
  const row = page.getByTestId("dataset-row").filter({ hasText: DATASET });
  await expect(row).toHaveAttribute("data-status", "ready", { timeout: 60_000 });
  await row.getByRole("link", { name: DATASET }).click();
  await page.getByRole("link", { name: "Start training" }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/new\?dataset=[0-9a-f-]{36}$/);
  shared.datasetId = new URL(page.url()).searchParams.get("dataset") ?? undefined;

  // The configurator: the dataset's summary, then a base model from the fine-tunable catalog.
  await configuratorReady(page);
  await expect(page.getByTestId("dataset-examples")).toHaveAttribute("data-value", "40");
  await expect(page.getByTestId("dataset-split")).toHaveAttribute("data-value", /^\d+\/[1-9]\d*$/);
  await expect(page.getByTestId("estimate-total")).toHaveText(/Choose a base model/);
  await chooseBaseModel(page, "Llama 3.1 8B Instruct");
  await expect(page.getByTestId("estimate-total")).toHaveAttribute("data-cents", /^\d+$/);

  // Presets overwrite the form and move the estimate, in the browser: no request prices them.
  const before = trpc.length;
  const balanced = await estimateCents(page);
  await expect(page.getByRole("radio", { name: "Balanced" })).toBeChecked();
  await page.getByRole("button", { name: /Advanced settings/ }).click();
  await expect(page.getByLabel("Epochs", { exact: true })).toHaveValue("5");
  await page.getByRole("radio", { name: "Balanced" }).focus();
  await page.keyboard.press("ArrowRight", { delay: 50 });
  await expect(page.getByRole("radio", { name: "Aggressive" })).toBeChecked();
  await expect(page.getByLabel("Epochs", { exact: true })).toHaveValue("10");
  await expect(page.getByLabel("LoRA rank", { exact: true })).toHaveValue("32");
  await expect.poll(() => estimateCents(page)).toBeGreaterThan(balanced);
  await page.getByRole("radio", { name: "Conservative" }).click();
  await expect(page.getByLabel("Epochs", { exact: true })).toHaveValue("3");
  await expect.poll(() => estimateCents(page)).toBeLessThan(balanced);
  // Editing a preset's value makes the configuration Custom, and an extreme value gets a warning in place.
  await page.getByLabel("Epochs", { exact: true }).fill("12");
  await expect(page.getByRole("radio", { name: "Custom" })).toBeChecked();
  await expect(page.locator('[data-warning="hyperparameters.epochs"]')).toContainText("More than 10 epochs");
  await page.getByRole("radio", { name: "Balanced" }).click();
  await expect(page.getByLabel("Epochs", { exact: true })).toHaveValue("5");
  await expect(page.getByTestId("estimate-total")).toHaveAttribute("data-cents", String(balanced));
  expect(trpc.slice(before).filter((u) => u.includes("estimate"))).toEqual([]);

  // The draft survives a reload.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("radium:training-draft:v1") ?? "")).toContain(
    '"baseModelId":"meta-llama-3.1-8b-instruct"',
  );
  await page.reload();
  await configuratorReady(page);
  await expect(page.getByRole("radio", { name: /^Llama 3\.1 8B Instruct/ })).toBeChecked();
  await expect(page.getByTestId("estimate-total")).toHaveAttribute("data-cents", String(balanced));

  // Start: the monitor, live from the database; the loss chart grows until the job completes.
  await page.getByRole("button", { name: "Start training" }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/jobs\/[0-9a-f-]{36}$/);
  const stages = page.getByTestId("stage-indicator");
  const chart = page.getByTestId("loss-chart");
  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        seen.add(Number(await chart.getAttribute("data-points")));
        return stages.getAttribute("data-status");
      },
      { timeout: 150_000, intervals: [250] },
    )
    .toBe("completed");
  const finalPoints = Number(await chart.getAttribute("data-points"));
  const growing = [...seen].filter((n) => n > 0 && n < finalPoints);
  // A part-drawn chart before the end shows it grew live; how many polls land in between depends on
  // the machine's load, so one is enough.
  expect(growing.length, `points seen while training: ${[...seen].join(", ")}`).toBeGreaterThanOrEqual(1);
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  expect(Number(await chart.getAttribute("data-validation-points"))).toBeGreaterThan(0);
  await expect(stages.locator('[data-state="done"]')).toHaveCount(6);
  await expect(page.getByTestId("job-progress")).toHaveText("100%");
  // Billed what was estimated: every step completed.
  expect(Number(await page.getByTestId("cost-so-far").getAttribute("data-cents"))).toBe(balanced);
  expect(Number(await page.getByTestId("cost-estimate").getAttribute("data-cents"))).toBe(balanced);
  const checkpoints = page.getByTestId("checkpoint-row");
  await expect(checkpoints.first()).toBeVisible();
  await expect(page.locator('[data-testid="checkpoint-row"][data-best]')).toHaveCount(1);
  expect(Number(await page.getByTestId("log-panel").getAttribute("data-lines"))).toBeGreaterThan(0);

  // The artifact: quality with the convergence rule on focus, files, rename.
  await page.getByRole("link", { name: "View trained model" }).click();
  await expect(page).toHaveURL(/\/models\/artifacts\/[0-9a-f-]{36}$/);
  const artifactUrl = page.url();
  await expect(page.getByTestId("convergence")).toHaveAttribute("data-rating", /^(excellent|good|fair|poor)$/);
  await page.getByRole("button", { name: "How convergence is rated" }).focus();
  await expect(page.getByRole("tooltip")).toContainText("Excellent: reduction of at least");
  await page.keyboard.press("Escape");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download adapter_config.json" }).click();
  const config = JSON.parse(fs.readFileSync((await (await download).path())!, "utf8"));
  expect(config.r).toBe(16);
  expect(config.lora_alpha).toBe(32);
  const zip = page.waitForEvent("download");
  await page.getByTestId("download-all").click();
  expect(fs.readFileSync((await (await zip).path())!).subarray(0, 2).toString()).toBe("PK");

  await page.getByRole("button", { name: "Rename" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename model" });
  await dialog.getByLabel("Name").fill("Support bot");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("artifact-name")).toHaveText("Support bot");

  // Deploy: the wizard opens on the base model with the adapter, and the deployment comes up.
  await page.getByRole("link", { name: "Deploy", exact: true }).click();
  await expect(page).toHaveURL(/\/deployments\/new\?artifact=[0-9a-f-]{36}$/);
  await expect(page.locator('form[aria-label="New deployment"][data-ready]')).toBeVisible();
  await expect(page.getByTestId("section-summary-model")).toContainText("Llama 3.1 8B Instruct");
  await expect(page.getByLabel("Endpoint name")).toHaveValue("support-bot-v1");
  await page.getByRole("button", { name: /^Foundation Model/ }).click();
  await expect(page.getByTestId("adapter-note")).toContainText("Support bot");
  await page.getByTestId("cost-footer").getByRole("button", { name: "Deploy", exact: true }).click();
  const terms = page.getByRole("dialog", { name: "Terms of service" });
  await terms.getByRole("checkbox").check();
  await terms.getByRole("button", { name: "Accept and continue" }).click();
  const payment = page.getByRole("dialog", { name: "Payment method" });
  await payment.getByLabel("Card number").fill("4242 4242 4242 4242");
  await payment.getByLabel("Expiry (MM/YY)").fill("12/34");
  await payment.getByLabel("Security code").fill("123");
  await payment.getByLabel("Security code").press("Enter");
  await page.getByRole("button", { name: "Go to the deployment" }).click();
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 }).locator('[data-status="active"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("deployment-adapter")).toHaveAttribute("href", new URL(artifactUrl).pathname);
});

test("a second job is cancelled after a confirmation and billed only for the steps it completed", async ({ page }) => {
  test.setTimeout(180_000);
  expect(shared.datasetId, "the first test made the dataset").toBeTruthy();
  await signIn(page, user, `/fine-tuning/new?dataset=${shared.datasetId}`);
  await configuratorReady(page);
  await chooseBaseModel(page, "Llama 3.1 8B Instruct");
  // One example a step over the most epochs (1,600 steps, over ten minutes at the e2e speed), so the
  // job is still running when the cancel lands however loaded the machine is.
  await page.getByRole("button", { name: /Advanced settings/ }).click();
  await page.getByLabel("Batch size", { exact: true }).fill("1");
  await page.getByLabel("Epochs", { exact: true }).fill("50");
  await expect(page.getByRole("radio", { name: "Custom" })).toBeChecked();
  await expect(page.getByTestId("estimate-steps")).toContainText("× 50 epochs");
  const estimate = await estimateCents(page);
  expect(estimate).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Start training" }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/jobs\/[0-9a-f-]{36}$/);

  // Cancel asks first: keeping it changes nothing.
  const stages = page.getByTestId("stage-indicator");
  await expect(stages).toHaveAttribute("data-status", "running", { timeout: 60_000 });
  await page.getByRole("button", { name: "Cancel job" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Keep training" }).click();
  // Until its exit animation ends the closing dialog is still the only "Cancel job" button outside
  // aria-hidden content: focusing then would confirm instead of reopening.
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(stages).toHaveAttribute("data-status", "running");
  await page.getByRole("button", { name: "Cancel job" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel job" }).click();

  await expect(stages).toHaveAttribute("data-status", "cancelled", { timeout: 30_000 });
  await expect(stages.locator('[data-state="cancelled"]')).toHaveAttribute("data-stage", "training");
  await expect(page.getByRole("button", { name: "Cancel job" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "View trained model" })).toHaveCount(0);
  const billed = Number(await page.getByTestId("cost-so-far").getAttribute("data-cents"));
  expect(billed).toBeGreaterThan(0);
  expect(billed).toBeLessThan(estimate);

  // The list shows both jobs; its status filter is kept in the URL.
  await page.getByRole("link", { name: "All training jobs" }).click();
  await expect(page.getByTestId("job-row")).toHaveCount(2);
  await page.getByTestId("status-filter-cancelled").click();
  await expect(page).toHaveURL(/\?status=cancelled$/);
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await expect(page.getByTestId("job-row")).toHaveAttribute("data-status", "cancelled");
  await page.reload();
  await expect(page.getByTestId("job-row")).toHaveCount(1);
  await page.getByTestId("status-filter-completed").click();
  await expect(page.getByTestId("job-row")).toHaveAttribute("data-status", "completed");
});
