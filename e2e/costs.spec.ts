import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { openConfigurator, uploadReadyDataset } from "./helpers/training";

// Costs, budgets and notifications on the production build with the local runner and the training
// simulator: a 10-cent budget with the hard limit on; a training job that would cost more starts,
// its first billed chunks cross 80% and 100%, the hard limit cancels it (billing only what it
// completed), the bell shows the alerts without a reload, and /costs and /dashboard show the spend.

const user = uniqueUser("spender");
const BUDGET_CENTS = 10;

test("a small budget with the hard limit: alerts in the bell, the job stopped, the spend on /costs and the dashboard", async ({ page }) => {
  test.setTimeout(300_000);

  // The budget, in dollars, with the hard limit.
  await signIn(page, user, "/settings");
  await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Budget" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("budget-bar")).toHaveAttribute("data-state", "none");
  await page.getByLabel("Monthly budget (USD)").fill("0");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("The budget must be more than $0.00")).toBeVisible();
  await page.getByLabel("Monthly budget (USD)").fill("0.10");
  await page.getByRole("switch", { name: /Hard limit/ }).click();
  await expect(page.getByRole("switch", { name: /Hard limit/ })).toBeChecked();
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByText("Budget set to $0.10 a month")).toBeVisible();
  await expect(page.getByTestId("budget-bar")).toHaveAttribute("data-percent", "0");
  await expect(page.getByTestId("budget-alert-80")).toHaveAttribute("data-sent", "false");

  // A ready dataset and a job whose estimate is over the budget: the configurator says so.
  const datasetId = await uploadReadyDataset(page, "Budget chats");
  await openConfigurator(page, datasetId);
  await page.getByRole("button", { name: /Advanced settings/ }).click();
  // Many epochs, so the job is still running when the first chunks are billed.
  await page.getByLabel("Epochs", { exact: true }).fill("40");
  await expect(page.getByTestId("estimate-steps")).toContainText("× 40 epochs");
  const estimate = Number(await page.getByTestId("estimate-total").getAttribute("data-cents"));
  expect(estimate).toBeGreaterThan(BUDGET_CENTS);
  const note = page.getByTestId("estimate-panel").getByTestId("budget-note");
  await expect(note).toHaveAttribute("data-fit", "exceeds");
  await expect(note).toContainText("$0.10 of your budget left");
  await expect(note).toContainText("stopped at the limit");

  await page.getByRole("button", { name: "Start training" }).click();
  await expect(page).toHaveURL(/\/fine-tuning\/jobs\/[0-9a-f-]{36}$/);
  const jobPath = new URL(page.url()).pathname;

  // The hard limit cancels it once the billed chunks reach the budget; no reload on this page.
  await expect(page.getByTestId("stage-indicator")).toHaveAttribute("data-status", "cancelled", { timeout: 180_000 });
  const billed = Number(await page.getByTestId("cost-so-far").getAttribute("data-cents"));
  expect(billed).toBeGreaterThan(0);
  expect(billed).toBeLessThan(estimate);

  // The bell: both alerts and the cancellation, found by polling (this page was never reloaded).
  const bell = page.getByTestId("notifications-bell");
  await expect.poll(async () => Number(await bell.getAttribute("data-unread")), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  // The 100% alert is critical: it also arrives as a toast, once.
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "monthly budget reached" }).first()).toBeVisible({ timeout: 15_000 });
  await bell.click();
  const menu = page.getByTestId("notifications-menu");
  await expect(menu.locator('[data-testid="notification-item"][data-type="cost_alert_80"]')).toHaveCount(1);
  await expect(menu.locator('[data-testid="notification-item"][data-type="cost_alert_100"]')).toHaveCount(2);
  await expect(menu.getByRole("menuitem", { name: /80% of your monthly budget used/ })).toHaveAttribute("href", "/costs");
  const stopped = menu.getByRole("menuitem", { name: /cancelled: monthly budget reached/ });
  await expect(stopped).toHaveAttribute("href", jobPath);

  // Opening one marks it read and goes to its page.
  const unreadBefore = Number(await bell.getAttribute("data-unread"));
  await menu.getByRole("menuitem", { name: /80% of your monthly budget used/ }).click();
  await expect(page).toHaveURL(/\/costs$/);
  await expect.poll(async () => Number(await bell.getAttribute("data-unread")), { timeout: 15_000 }).toBe(unreadBefore - 1);

  // /costs: the month's spend, the budget used up, the job's records linking back to it.
  await expect(page.getByTestId("costs-spent")).toHaveAttribute("data-cents", /^[1-9]\d*$/);
  expect(Number(await page.getByTestId("costs-spent").getAttribute("data-cents"))).toBeGreaterThanOrEqual(BUDGET_CENTS);
  await expect(page.getByTestId("budget-bar").first()).toContainText("Budget used up");
  await expect(page.getByTestId("costs-by-resource").locator(`a[href="${jobPath}"]`)).toBeVisible();
  await expect(page.getByTestId("cost-record-row").first()).toBeVisible();
  await page.getByRole("combobox", { name: "Cost type" }).click();
  await page.getByRole("option", { name: "Compute" }).click();
  await expect(page.getByTestId("cost-record-row").first()).toHaveAttribute("data-type", "compute");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^radium-costs-\d{4}-\d{2}-\d{2}\.csv$/);

  // The dashboard cards: one dataset, no live job, the month's spend at or over the budget.
  await page.goto("/dashboard");
  await expect(page.getByTestId("stat-datasets").locator("[data-value]")).toHaveAttribute("data-value", "1");
  await expect(page.getByTestId("stat-active-jobs").locator("[data-value]")).toHaveAttribute("data-value", "0");
  await expect(page.getByTestId("stat-spend").getByTestId("budget-bar")).toHaveAttribute("data-percent", /^(\d{3,}|100)(\.\d)?$/);
  await expect(page.getByTestId("recent-datasets")).toContainText("Budget chats");

  // Settings shows both alerts sent; the notifications page lists the cancellation under its filter.
  await page.goto("/settings");
  await expect(page.getByTestId("budget-alert-80")).toHaveAttribute("data-sent", "true");
  await expect(page.getByTestId("budget-alert-100")).toHaveAttribute("data-sent", "true");
  await page.goto("/notifications");
  await page.getByRole("combobox", { name: "Type" }).click();
  await page.getByRole("option", { name: "Budget 100%" }).click();
  await expect(page.getByTestId("notification-row")).toHaveCount(2);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAttribute("data-unread", "0");
});
