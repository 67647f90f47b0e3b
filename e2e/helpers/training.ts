import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

const FIXTURE = path.join(import.meta.dirname, "../fixtures/fine-tuning/support-chats.jsonl");

/** Uploads the 40-example chat fixture through the datasets page and waits until it is ready; returns its id. */
export async function uploadReadyDataset(page: Page, name: string): Promise<string> {
  await page.goto("/datasets");
  const transfer = await page.evaluateHandle(
    ([content, file]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], file, { type: "application/jsonl" }));
      return dt;
    },
    [fs.readFileSync(FIXTURE, "utf8"), path.basename(FIXTURE)] as const,
  );
  const zone = page.getByTestId("upload-zone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByTestId("validation-report")).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Upload dataset" }).click();
  const row = page.getByTestId("dataset-row").filter({ hasText: name });
  await expect(row).toHaveAttribute("data-status", "ready", { timeout: 90_000 });
  const href = await row.getByRole("link", { name }).getAttribute("href");
  const id = href?.split("/").at(-1);
  expect(id, "the dataset row links to its page").toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

/** Opens the configurator on a dataset with a base model chosen (by keyboard, as a user would). */
export async function openConfigurator(page: Page, datasetId: string, model = "Llama 3.1 8B Instruct") {
  await page.goto(`/fine-tuning/new?dataset=${datasetId}`);
  await expect(page.locator('form[aria-label="New fine-tuning job"][data-ready]')).toBeVisible();
  await expect(page.getByTestId("dataset-summary")).toHaveAttribute("data-status", "ready");
  await page.getByLabel("Search base models").focus();
  await page.keyboard.type(model);
  const group = page.getByRole("radiogroup", { name: "Base model", exact: true });
  await expect(group.getByRole("radio")).toHaveCount(1);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("estimate-total")).toHaveAttribute("data-cents", /^\d+$/);
}
