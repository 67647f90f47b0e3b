import { expect, type Page } from "@playwright/test";

/** Types a message in the composer and sends it with Enter. */
export async function sendMessage(page: Page, text: string) {
  // A sheet or dialog that is still closing traps focus: the keys would go to it, not the composer.
  await expect(page.getByRole("dialog")).toHaveCount(0);
  // The composer marks itself ready once hydrated, so typing is never lost.
  await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible();
  const input = page.getByRole("textbox", { name: "Message" });
  await expect(input).toBeEnabled();
  // Enter does nothing while an answer streams (a document can be finished before the answer's last words).
  await expect(page.getByRole("button", { name: "Stop generating" })).toHaveCount(0, { timeout: 45_000 });
  await input.fill(text);
  await input.press("Enter");
}

/** Waits until no answer is streaming (the Send button is back). */
export async function waitForIdle(page: Page, timeout = 45_000) {
  await expect(page.getByRole("button", { name: "Stop generating" })).toHaveCount(0, { timeout });
  await expect(page.getByRole("button", { name: "Send message" })).toBeVisible({ timeout });
}

export function assistantMessages(page: Page) {
  return page.getByTestId("message-assistant");
}

export function artifactPanel(page: Page) {
  return page.getByTestId("artifact-panel");
}

/** The chat id from a /chat/<id> address. */
export function chatIdFrom(url: string): string {
  const match = /\/chat\/([0-9a-f-]{36})/.exec(url);
  if (!match?.[1]) throw new Error(`not a chat URL: ${url}`);
  return match[1];
}
