import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { assistantMessages, sendMessage, waitForIdle } from "./helpers/chat";

// Attachments against the offline model (no OPENAI_API_KEY): it reads text files and says it cannot see images.

const NOTES = ["Launch checklist", "Book the venue", "Order the banners", "Send the invitations"].join("\n");
// A 1×1 PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`a text file attached with the paperclip is read by the offline model; an oversized one is refused (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, uniqueUser("attach"));
    await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible();

    // Too large: refused in the browser with the limit named, nothing attached.
    const paperclip = page.getByRole("button", { name: "Attach files" });
    const [bigChooser] = await Promise.all([page.waitForEvent("filechooser"), paperclip.click()]);
    await bigChooser.setFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(600 * 1024, "a") });
    await expect(page.getByText('"huge.txt" is too large (600 KB): text files can be at most 512 KB.')).toBeVisible();
    await expect(page.getByTestId("attachment-chip")).toHaveCount(0);

    // A text file through the paperclip: a chip with its name and size once uploaded.
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), paperclip.click()]);
    await chooser.setFiles({ name: "checklist.md", mimeType: "text/markdown", buffer: Buffer.from(NOTES) });
    const chip = page.getByTestId("attachment-chip");
    await expect(chip).toHaveCount(1);
    await expect(chip).toContainText("checklist.md");
    await expect(chip).toHaveAttribute("data-state", "ready");
    await expect(chip).toContainText(/\d+ bytes/);

    await sendMessage(page, "What is in this file?");
    await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("attachment-chip")).toHaveCount(0);
    const userMessage = page.getByTestId("message-user").last();
    await expect(userMessage.getByRole("link", { name: "checklist.md", exact: true })).toBeVisible();
    await expect(userMessage.getByTestId("user-message-text")).toHaveText("What is in this file?");

    const answer = assistantMessages(page).last();
    await waitForIdle(page);
    await expect(answer).toContainText("checklist.md (text/markdown) has 4 lines and 11 words.");
    await expect(answer).toContainText("Launch checklist");
    await expect(answer).toContainText("Send the invitations");

    // The attachment is served to its owner, as text.
    const href = await userMessage.getByRole("link", { name: "checklist.md", exact: true }).getAttribute("href");
    expect(href).toMatch(/^\/api\/chat\/attachments\/[0-9a-f-]{36}$/);
    const served = await page.request.get(href!);
    expect(served.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await served.text()).toBe(NOTES);

    // After a reload the message still shows its file.
    await page.reload();
    await expect(page.getByTestId("message-user").last().getByRole("link", { name: "checklist.md", exact: true })).toBeVisible();
  });
}

test("a pasted image shows a thumbnail, opens full size once sent, and the offline model says it cannot see it", async ({ page }) => {
  await signIn(page, uniqueUser("image"));
  await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible();
  const input = page.getByRole("textbox", { name: "Message" });
  await input.focus();
  // A paste event carrying a file, as a screenshot paste does.
  await input.evaluate((el, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], "screenshot.png", { type: "image/png" }));
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, [...PNG]);
  const chip = page.getByTestId("attachment-chip");
  await expect(chip).toHaveAttribute("data-state", "ready");
  await expect(chip.locator("img")).toBeVisible();
  await expect(input).toHaveValue("");

  // Files alone are a message: Send is enabled with no text.
  await page.getByRole("button", { name: "Send message" }).click();
  const open = page.getByTestId("message-user").last().getByRole("button", { name: "Open screenshot.png full size" });
  await expect(open).toBeVisible();
  await waitForIdle(page);
  await expect(assistantMessages(page).last()).toContainText("I can't see images, so I can't tell you what screenshot.png shows");

  await open.click();
  const dialog = page.getByRole("dialog", { name: "screenshot.png" });
  await expect(dialog.getByRole("img", { name: "screenshot.png" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
});

test("files dropped on the conversation are attached; a removed chip leaves nothing to send", async ({ page }) => {
  await signIn(page, uniqueUser("drop"));
  await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible();
  const conversation = page.getByRole("region", { name: "Conversation" });
  const data = await page.evaluateHandle(() => {
    const d = new DataTransfer();
    d.items.add(new File(["first line\nsecond line\n"], "dropped.txt", { type: "text/plain" }));
    d.items.add(new File(["PK"], "archive.zip", { type: "application/zip" }));
    return d;
  });
  await conversation.dispatchEvent("dragenter", { dataTransfer: data });
  await expect(page.getByTestId("drop-overlay")).toBeVisible();
  await conversation.dispatchEvent("drop", { dataTransfer: data });
  await expect(page.getByTestId("drop-overlay")).toBeHidden();
  // The zip is refused with a toast; the text file becomes a chip.
  await expect(page.getByText(/"archive\.zip" can't be attached/)).toBeVisible();
  const chip = page.getByTestId("attachment-chip");
  await expect(chip).toHaveCount(1);
  await expect(chip).toHaveAttribute("data-state", "ready");

  // Removing the chip deletes the upload on the server too (nothing is left behind unsent).
  const deleted = page.waitForResponse((r) => r.request().method() === "DELETE" && r.url().includes("/api/chat/attachments/"));
  await page.getByRole("button", { name: "Remove dropped.txt" }).click();
  await expect(chip).toHaveCount(0);
  expect((await deleted).status()).toBe(204);
  await expect(page.getByRole("button", { name: "Send message" })).toBeDisabled();
  await sendMessage(page, "hello");
  await waitForIdle(page);
  await expect(page.getByTestId("message-user").last().getByTestId("message-attachments")).toHaveCount(0);
});

test("Send waits for an upload in flight, which shows its progress", async ({ page }) => {
  await signIn(page, uniqueUser("pending"));
  await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible();
  // The upload is held at the network until the test lets it through.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/chat/attachments?*", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("textbox", { name: "Message" }).fill("Here it comes");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Attach files" }).click()]);
  await chooser.setFiles({ name: "slow.txt", mimeType: "text/plain", buffer: Buffer.from("one\ntwo\n") });
  const chip = page.getByTestId("attachment-chip");
  await expect(chip).toHaveAttribute("data-state", "uploading");
  await expect(chip.getByRole("progressbar", { name: "Uploading slow.txt" })).toBeVisible();
  const send = page.getByRole("button", { name: "Send message" });
  await expect(send).toBeDisabled();
  // Enter does not send either.
  await page.getByRole("textbox", { name: "Message" }).press("Enter");
  await expect(page.getByTestId("message-user")).toHaveCount(0);

  release();
  await expect(chip).toHaveAttribute("data-state", "ready");
  await expect(send).toBeEnabled();
  await send.click();
  await waitForIdle(page);
  await expect(assistantMessages(page).last()).toContainText("slow.txt (text/plain) has 2 lines and 2 words.");
});
