import fs from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";

// Datasets on the production build: a broken file is explained line by line in the browser (a Web
// Worker) before anything is uploaded; a valid file is dropped, uploaded with progress, validated
// again by the server until ready, and the server's statistics equal the browser's; then deleted.

const FIXTURES = path.join(import.meta.dirname, "fixtures/datasets");
const BROKEN = path.join(FIXTURES, "broken-chat.jsonl");
const VALID = path.join(FIXTURES, "valid-chat.jsonl");

// The first check in a browser loads the tokenizer's tables into the worker, which takes seconds on a busy machine.
const FIRST_REPORT = { timeout: 60_000 };

/** Figures both reports show, by the stat card's test id (exact values in data-value). */
const STATS = ["examples", "total-tokens", "tokens-per-example", "turns", "duplicates", "size"] as const;

async function readStats(page: Page) {
  const out: Record<string, string | null> = {};
  for (const id of STATS) out[id] = await page.getByTestId(`stat-${id}`).getAttribute("data-value");
  return out;
}

/** The report as either page shows it: the same components render the browser's and the server's. */
async function readReport(page: Page) {
  const issues = async (kind: "error" | "warning") => {
    const list = page.getByTestId(`dataset-${kind}s`);
    if ((await list.count()) === 0) return { total: 0, counts: {}, lines: [] };
    const counts: Record<string, string | null> = {};
    for (const chip of await list.locator("button[data-rule]").all()) counts[(await chip.getAttribute("data-rule"))!] = await chip.getAttribute("data-count");
    const lines = await list.locator("li[data-line]").evaluateAll((items) => items.map((li) => `${li.getAttribute("data-line")}:${li.getAttribute("data-rule")}`));
    return { total: Number(await page.getByTestId(`dataset-${kind}-total`).getAttribute("data-value")), counts, lines };
  };
  return { stats: await readStats(page), errors: await issues("error"), warnings: await issues("warning") };
}

/** Uploads a file through the same procedures and route the page uses, bypassing the page's own checks. */
async function uploadDirectly(page: Page, file: string): Promise<string> {
  const content = fs.readFileSync(file, "utf8");
  return page.evaluate(
    async ({ content, fileName }) => {
      const call = async (proc: string, input: unknown) => {
        const res = await fetch(`/api/trpc/${proc}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
        const body = await res.json();
        if (!res.ok) throw new Error(`${proc}: ${JSON.stringify(body)}`);
        return body.result.data.json;
      };
      const bytes = new TextEncoder().encode(content);
      const created = await call("datasets.createUpload", { name: "Server copy", fileName, fileSize: bytes.byteLength, contentType: "application/jsonl" });
      const put = await fetch(created.upload.url, { method: "PUT", body: bytes, headers: { "content-type": "application/jsonl" } });
      if (!put.ok) throw new Error(`PUT ${put.status}: ${await put.text()}`);
      await call("datasets.confirmUpload", { id: created.id });
      return created.id;
    },
    { content, fileName: path.basename(file) },
  );
}

/** Drops a file on the zone the way a browser does: a drop event carrying a DataTransfer with the file. */
async function dropFile(page: Page, file: string, type = "application/jsonl") {
  const text = fs.readFileSync(file, "utf8");
  const transfer = await page.evaluateHandle(
    ([content, name, mime]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type: mime }));
      return dt;
    },
    [text, path.basename(file), type] as const,
  );
  const zone = page.getByTestId("upload-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await expect(zone).toHaveAttribute("data-over", "true");
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

test("a broken file is explained line by line before anything is uploaded", async ({ page }) => {
  const uploads: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("datasets.createUpload") || r.url().includes("/api/uploads/")) uploads.push(r.url());
  });
  await signIn(page, uniqueUser("curator"), "/datasets");
  await expect(page.getByText("No datasets yet")).toBeVisible();

  // The keyboard path: Tab to "Choose a file", Enter opens the file dialog.
  await page.getByRole("button", { name: "Choose a file" }).focus();
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Enter");
  await (await chooser).setFiles(BROKEN);

  const report = page.getByTestId("validation-report");
  await expect(report).toHaveAttribute("data-ok", "false", FIRST_REPORT);
  await expect(report).toHaveAttribute("data-format", "openai-chat");
  await expect(page.getByTestId("validation-verdict")).toContainText(/errors? to fix before uploading/);
  const errors = page.getByTestId("dataset-errors");
  // Each broken line is named with its 1-based number and the rule it breaks.
  for (const [line, rule] of [
    [3, "json"],
    [5, "no-assistant"],
    [7, "role"],
    [9, "content"],
    [11, "unknown-key"],
  ] as const) {
    const item = errors.locator(`li[data-line="${line}"][data-rule="${rule}"]`);
    await expect(item).toBeVisible();
    await expect(item).toContainText(`Line ${line}`);
  }
  // Seven valid examples are fewer than the ten training needs: a whole-file error.
  await expect(errors.locator('li[data-line="0"][data-rule="min-examples"]')).toContainText("File");
  // Counts per rule, and a chip narrows the list to its rule.
  await expect(errors.locator('button[data-rule="json"]')).toHaveAttribute("data-count", "1");
  await errors.locator('button[data-rule="role"]').click();
  await expect(errors.locator("li[data-line]")).toHaveCount(1);
  await expect(errors.locator("li[data-line]")).toHaveAttribute("data-line", "7");

  await expect(page.getByRole("button", { name: "Upload dataset" })).toBeDisabled();
  await expect(page.getByText(/Fix the \d+ errors in the file/)).toBeVisible();
  expect(uploads).toEqual([]);
});

test("drop a valid file, upload it, see the server reach ready with the same figures, then delete it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, uniqueUser("trainer"), "/datasets");
  await expect(page.getByText("No datasets yet")).toBeVisible();

  await dropFile(page, VALID);
  const report = page.getByTestId("validation-report");
  await expect(report).toHaveAttribute("data-ok", "true", FIRST_REPORT);
  await expect(page.getByTestId("validation-verdict")).toHaveText("Ready to upload");
  await expect(page.getByTestId("stat-examples")).toHaveAttribute("data-value", "12");
  const browserStats = await readStats(page);
  await expect(page.getByLabel("Name")).toHaveValue("valid-chat");

  // Name it, upload, and watch the progress give way to the row in the table.
  await page.getByLabel("Name").fill("Support answers");
  await page.getByLabel("Description").fill("Twelve short support conversations.");
  await page.getByRole("button", { name: "Upload dataset" }).click();
  await expect(page.getByText("Support answers uploaded")).toBeVisible();
  await expect(page.getByTestId("upload-zone")).toBeVisible();

  // The table follows the status live (no reload): validating, then ready.
  const row = page.getByTestId("dataset-row").filter({ hasText: "Support answers" });
  await expect(row).toHaveAttribute("data-status", "ready", { timeout: 60_000 });
  await expect(row).toContainText("12");

  // Search and filters are the server's: a miss, a hit, a status that has none.
  await page.getByLabel("Search datasets").fill("no such dataset");
  await expect(page.getByText("No datasets match")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(row).toBeVisible();
  await page.getByLabel("Search datasets").fill("support");
  await expect(page.getByTestId("dataset-row")).toHaveCount(1);

  await row.getByRole("link", { name: "Support answers" }).click();
  await expect(page).toHaveURL(/\/datasets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /Support answers/ })).toBeVisible();
  await expect(page.locator('[data-status="ready"]').first()).toBeVisible();

  // The browser path and the server path give the same report for the same file.
  await expect(page.getByTestId("stat-examples")).toHaveAttribute("data-value", "12");
  expect(await readStats(page)).toEqual(browserStats);
  await expect(page.getByTestId("dataset-errors")).toHaveCount(0);

  // Token-length histogram (Recharts bars) and the first three examples as chat bubbles.
  await expect(page.getByTestId("token-histogram").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByTestId("preview-example")).toHaveCount(3);
  await expect(page.getByTestId("preview-example").first().locator('[data-role="user"]')).toContainText("How do I reset a password?");
  await expect(page.getByTestId("preview-example").first().locator('[data-role="assistant"]')).toBeVisible();

  // Start training carries the dataset to the configurator.
  const id = /\/datasets\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  await expect(page.getByRole("link", { name: "Start training" })).toHaveAttribute("href", `/fine-tuning/new?dataset=${id}`);

  // Rename through the form; the header follows.
  const name = page.getByRole("form", { name: "Rename dataset" }).getByLabel("Name");
  await name.fill("Support answers v2");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { name: /Support answers v2/ })).toBeVisible();

  // Download hands back the same bytes that were uploaded.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download" }).click();
  const file = await (await download).path();
  expect(fs.readFileSync(file, "utf8")).toBe(fs.readFileSync(VALID, "utf8"));

  // Delete asks first; Cancel keeps it, confirming removes it from the list.
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: /Support answers v2/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("button", { name: "Delete dataset" }).click();
  await expect(page).toHaveURL(/\/datasets$/);
  await expect(page.getByText("No datasets yet")).toBeVisible();
  await page.goto(`/datasets/${id}`);
  await expect(page.getByRole("heading", { name: "Dataset not found" })).toBeVisible();
});

test("the browser and the server give the same report for the same broken file", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, uniqueUser("auditor"), "/datasets");
  await page.getByLabel("Dataset file").setInputFiles(BROKEN);
  await expect(page.getByTestId("validation-report")).toHaveAttribute("data-ok", "false", FIRST_REPORT);
  const browser = await readReport(page);
  expect(browser.errors.total).toBeGreaterThan(0);

  // The page will not upload it; the server is asked directly, and validates the stored file itself.
  const id = await uploadDirectly(page, BROKEN);
  await page.goto(`/datasets/${id}`);
  await expect(page.locator('h1 [data-status="error"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("dataset-errors")).toBeVisible();
  expect(await readReport(page)).toEqual(browser);
});
