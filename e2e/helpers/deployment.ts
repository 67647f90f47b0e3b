import { expect, type Page } from "@playwright/test";

/**
 * Deploys `modelSearch`'s only catalog match as `name` through the wizard with its defaults (terms,
 * test card), and waits on the deployment page until it is active. Returns its id and the wizard's key.
 */
export async function deployThroughWizard(page: Page, name: string, modelSearch = "Llama 3.1 8B"): Promise<{ id: string; token: string }> {
  await page.goto("/deployments/new");
  await expect(page.locator('form[aria-label="New deployment"][data-ready]')).toBeVisible();
  await page.getByLabel("Endpoint name", { exact: true }).fill(name);
  await page.getByLabel("Search models").fill(modelSearch);
  await expect(page.getByRole("radio")).toHaveCount(1);
  await page.getByRole("radio").check();
  await page.getByTestId("cost-footer").getByRole("button", { name: "Deploy", exact: true }).click();
  const terms = page.getByRole("dialog", { name: "Terms of service" });
  await terms.getByRole("checkbox").check();
  await terms.getByRole("button", { name: "Accept and continue" }).click();
  const payment = page.getByRole("dialog", { name: "Payment method" });
  await payment.getByLabel("Card number").fill("4242 4242 4242 4242");
  await payment.getByLabel("Expiry (MM/YY)").fill("12/34");
  await payment.getByLabel("Security code").fill("123");
  await payment.getByLabel("Security code").press("Enter");
  const token = (await page.getByTestId("api-token").innerText()).trim();
  await page.getByRole("button", { name: "Go to the deployment" }).click();
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);
  const id = /\/deployments\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (!id) throw new Error(`not a deployment URL: ${page.url()}`);
  await expect(page.getByRole("heading", { level: 1 }).locator('[data-status="active"]')).toBeVisible({ timeout: 45_000 });
  return { id, token };
}
