import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { assistantMessages, sendMessage, waitForIdle } from "./helpers/chat";
import { deployThroughWizard } from "./helpers/deployment";

// Issue 12 end to end on the production build: deploy (simulator), create a key scoped to the
// deployment on /settings/api-keys, run the API tab's curl sample with it as a user would, see the
// call on the Metrics and Requests tabs, then chat with the deployment from the chat page.

const run = promisify(execFile);

test("a key, the page's curl sample, its metering, and chatting with the deployment", async ({ page }) => {
  test.setTimeout(180_000);
  const name = `e2e-gw-${Date.now().toString(36)}`;
  await signIn(page, uniqueUser("gateway"), "/deployments");
  const { id, token } = await deployThroughWizard(page, name);
  expect(token).toMatch(/^rad_/);

  // API keys: the wizard's key is listed, scoped to the deployment; create another for it.
  await page.goto("/settings/api-keys");
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  const wizardKey = page.getByTestId("api-key-row").filter({ hasText: "(created with the deployment)" });
  await expect(wizardKey).toHaveAttribute("data-state", "active");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Create API key" })).toBeVisible();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("Name the key.")).toBeVisible();
  await dialog.getByLabel("Name").fill("e2e curl");
  await dialog.getByRole("combobox", { name: "Can call" }).click();
  await page.getByRole("option", { name: `${name} only` }).click();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const shown = dialog.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^rad_\S{20,}$/);
  const key = (await shown.innerText()).trim();
  await dialog.getByRole("button", { name: "I have copied it" }).click();
  await expect(dialog).toHaveCount(0);
  const row = page.getByTestId("api-key-row").filter({ hasText: "e2e curl" });
  await expect(row).toHaveAttribute("data-state", "active");
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).not.toContainText(key);

  // The API tab's curl sample, with the key in place of $RADIUM_API_KEY, run by sh.
  await page.goto(`/deployments/${id}`);
  await page.getByRole("tab", { name: "API" }).click();
  await expect(page).toHaveURL(/\?tab=api$/);
  await expect(page.getByTestId("api-model")).toHaveText(name);
  const sample = await page.getByTestId("curl-sample").innerText();
  expect(sample).toContain("$RADIUM_API_KEY");
  const { stdout } = await run("sh", ["-c", sample.replaceAll("$RADIUM_API_KEY", key)], { timeout: 60_000 });
  const completion = JSON.parse(stdout);
  expect(completion.object).toBe("chat.completion");
  expect(completion.model).toBe(name);
  expect(completion.choices[0].message.role).toBe("assistant");
  expect(completion.choices[0].message.content.length).toBeGreaterThan(0);
  expect(completion.usage.completion_tokens).toBeGreaterThan(0);

  // Metrics: the tab refetches on its own, so the call appears without a reload.
  await page.getByRole("tab", { name: "Metrics" }).click();
  await expect(page).toHaveURL(/\?tab=metrics$/);
  await expect.poll(async () => Number(await page.getByTestId("metric-requests").getAttribute("data-value")), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("metric-tokens")).not.toHaveAttribute("data-value", "0");
  await expect(page.getByTestId("chart-requests")).toBeVisible();
  await page.getByRole("tab", { name: "1h" }).click();
  await expect(page).toHaveURL(/range=1h/);
  await expect(page.getByTestId("metric-requests")).not.toHaveAttribute("data-value", "0");

  // Requests: the call with status 200 and the key's name; a row opens in place.
  await page.getByRole("tab", { name: "Requests" }).click();
  const request = page.getByTestId("request-row").first();
  await expect(request).toHaveAttribute("data-status", "200");
  await expect(request.getByTestId("request-caller")).toHaveText("e2e curl");
  await request.focus();
  await page.keyboard.press("Enter");
  await expect(request).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("request-detail")).toContainText(name);
  // Filtering on failures hides it.
  await page.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Failed" }).click();
  await expect(page.getByText("No requests match")).toBeVisible();

  // Chat: the deployment is offered under "Your deployments" and answers, saying so.
  await page.goto("/");
  await page.getByTestId("model-selector").click();
  const option = page.getByRole("group", { name: "Your deployments" }).getByTestId(`model-option-deployment:${id}`);
  await expect(option).toContainText(name);
  await option.click();
  await expect(page.getByTestId("model-selector")).toHaveAccessibleName(`Model: ${name}`);
  await sendMessage(page, "Hello from the e2e chat");
  await waitForIdle(page);
  const answer = assistantMessages(page).last();
  await expect(answer.getByTestId("answered-by")).toHaveText(`Answered by ${name}`);
  await expect(answer.getByTestId("message-text").first()).not.toBeEmpty();

  // The chat turn is metered too, with source chat (the chat's title is written by the deployment as well).
  await page.goto(`/deployments/${id}?tab=requests`);
  await expect(page.getByTestId("request-caller").filter({ hasText: /^Chat$/ }).first()).toBeVisible({ timeout: 30_000 });
});
