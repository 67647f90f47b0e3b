import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { artifactPanel, assistantMessages, chatIdFrom, sendMessage, waitForIdle } from "./helpers/chat";

// Documents beside the chat, against the offline model: http://127.0.0.1:3100.
test.describe.configure({ timeout: 150_000 });

test("text document: create, update, diff, apply a suggestion, step back and restore", async ({ page }) => {
  await signIn(page, uniqueUser("docs"));
  await sendMessage(page, "Write a short essay about the ocean");

  // The panel opens as soon as the document starts and fills while it streams.
  const panel = artifactPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("data-kind", "text");
  await expect(page.getByTestId("artifact-title")).toContainText(/ocean/i);
  await waitForIdle(page);
  await expect(panel.getByTestId("version-label")).toHaveText("Version 1 of 1");
  const firstText = await panel.getByTestId("text-preview").innerText();
  expect(firstText.toLowerCase()).toContain("ocean");
  await expect(assistantMessages(page).last().getByTestId("document-tool-card")).toBeVisible();

  // Update it.
  await sendMessage(page, "Make it shorter");
  await waitForIdle(page);
  await expect(panel.getByTestId("version-label")).toHaveText("Version 2 of 2");
  const shorter = await panel.getByTestId("text-preview").innerText();
  expect(shorter.length).toBeLessThan(firstText.length);

  // The diff against the previous version.
  await panel.getByRole("button", { name: "Show changes" }).click();
  await expect(panel.getByTestId("version-diff")).toBeVisible();
  await expect(panel.getByTestId("version-diff").locator("[data-diff]").first()).toBeVisible();
  await panel.getByRole("button", { name: "Hide changes" }).click();

  // Suggestions: shown inline, apply one; it stays resolved after a reload.
  await sendMessage(page, "Suggest improvements");
  await waitForIdle(page);
  const marks = panel.getByTestId("suggestion-mark");
  await expect(marks.first()).toBeVisible();
  const openCount = await marks.count();
  await marks.first().click();
  const card = page.getByRole("dialog").getByTestId("suggestion-card");
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: "Apply" }).click();
  await expect(panel.getByTestId("version-label")).toHaveText("Version 3 of 3");
  await expect(marks).toHaveCount(openCount - 1);

  const chatUrl = page.url();
  await page.reload();
  await assistantMessages(page).last().getByTestId("document-tool-card").click();
  await expect(panel.getByTestId("version-label")).toHaveText("Version 3 of 3");
  await expect(panel.getByTestId("suggestion-mark")).toHaveCount(openCount - 1);
  expect(page.url()).toBe(chatUrl);

  // Step back a version and restore it as a new version.
  await panel.getByRole("button", { name: "Previous version" }).click();
  await expect(panel.getByTestId("version-label")).toHaveText("Version 2 of 3");
  await expect(panel.getByTestId("text-preview")).toHaveText(shorter);
  await panel.getByRole("button", { name: "Restore this version" }).click();
  await expect(panel.getByTestId("version-label")).toHaveText("Version 4 of 4");
  await expect(panel.getByTestId("text-preview")).toHaveText(shorter);
});

test("text document: the owner's edits autosave as a new version", async ({ page }) => {
  await signIn(page, uniqueUser("autosave"));
  await sendMessage(page, "Write a short poem about autumn leaves");
  await waitForIdle(page);
  const panel = artifactPanel(page);
  await expect(panel.getByTestId("version-label")).toHaveText("Version 1 of 1");
  await panel.getByRole("tab", { name: "Edit markdown" }).click();
  const editor = panel.getByTestId("text-editor");
  await editor.press("ControlOrMeta+End");
  await editor.pressSequentially("\n\nAdded by hand.");
  await expect(page.getByTestId("artifact-status")).toHaveText("Saved", { timeout: 10_000 });
  await expect(panel.getByTestId("version-label")).toHaveText("Version 2 of 2");
  await page.reload();
  await assistantMessages(page).last().getByTestId("document-tool-card").click();
  await expect(panel.getByTestId("text-preview")).toContainText("Added by hand.");
});

test("code and sheet documents open in their editors", async ({ page }) => {
  await signIn(page, uniqueUser("kinds"));
  await sendMessage(page, "Write a Python function that checks whether a number is prime");
  const panel = artifactPanel(page);
  await expect(panel).toHaveAttribute("data-kind", "code");
  await waitForIdle(page);
  const code = panel.getByTestId("code-editor");
  await expect(code).toHaveAttribute("data-language", "python");
  await expect(code.locator(".cm-content")).toContainText("def ");
  // Highlighted by CodeMirror (keyword tokens).
  await expect(code.locator(".tok-keyword").first()).toBeVisible();

  await sendMessage(page, "Make a spreadsheet of a monthly household budget");
  await expect(panel).toHaveAttribute("data-kind", "sheet");
  await waitForIdle(page);
  const grid = panel.getByTestId("sheet-grid");
  await expect(grid).toBeVisible();
  await expect(grid.getByRole("textbox", { name: "Cell A1", exact: true })).not.toHaveValue("");

  // Editing a cell saves a new version of the CSV.
  const label = panel.getByTestId("version-label");
  const before = await label.innerText();
  await grid.getByRole("textbox", { name: "Cell A1", exact: true }).fill("Category (edited)");
  await expect(page.getByTestId("artifact-status")).toHaveText("Saved", { timeout: 10_000 });
  await expect(label).not.toHaveText(before);

  // Both documents are listed in the conversation and reopen from there.
  const cards = page.getByTestId("document-tool-card");
  await cards.first().click();
  await expect(panel).toHaveAttribute("data-kind", "code");
});

test("a public chat is readable by another user with its documents, not editable; a private one is not found", async ({ page, browser }) => {
  await signIn(page, uniqueUser("owner"));
  await sendMessage(page, "Write a short essay about mountains");
  await waitForIdle(page);
  const id = chatIdFrom(page.url());
  await page.getByTestId("visibility-selector").click();
  await page.getByRole("menuitem", { name: /Public/ }).click();
  await expect(page.getByTestId("visibility-selector")).toHaveAccessibleName("Visibility: Public");

  // A second private chat of the owner.
  await page.goto("/");
  await sendMessage(page, "Hello");
  await waitForIdle(page);
  const privateId = chatIdFrom(page.url());

  const other = await browser.newContext();
  const viewer = await other.newPage();
  await signIn(viewer, uniqueUser("viewer"));
  await viewer.goto(`/chat/${id}`);
  // In the page's main area: when the conversation misses the shell's first flush, React's streamed copy
  // waits hidden at the end of the body until it is revealed.
  const shown = viewer.getByRole("main");
  await expect(shown.getByTestId("readonly-banner")).toBeVisible();
  await expect(shown.getByTestId("message-user")).toContainText("mountains");
  await expect(viewer.getByRole("textbox", { name: "Message" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Edit message" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Good answer" })).toHaveCount(0);

  await viewer.getByTestId("document-tool-card").first().click();
  const panel = artifactPanel(viewer);
  await expect(panel.getByTestId("artifact-readonly")).toBeVisible();
  await expect(panel.getByTestId("text-preview")).toContainText(/mountain/i);
  await expect(panel.getByRole("tab", { name: "Edit markdown" })).toHaveCount(0);
  await expect(panel.getByRole("button", { name: "Polish the writing" })).toHaveCount(0);

  const res = await viewer.goto(`/chat/${privateId}`);
  expect(res?.status()).toBe(404);
  await other.close();
});

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`a reader copies a public chat's link and continues it as their own chat, document included (${device})`, async ({ page, browser }) => {
    await signIn(page, uniqueUser("sharer"));
    await sendMessage(page, "Write a short essay about rivers");
    await waitForIdle(page);
    const id = chatIdFrom(page.url());
    await page.getByTestId("visibility-selector").click();
    await page.getByRole("menuitem", { name: /Public/ }).click();
    await expect(page.getByTestId("visibility-selector")).toHaveAccessibleName("Visibility: Public");

    const other = await browser.newContext({ viewport, permissions: ["clipboard-read", "clipboard-write"] });
    const reader = await other.newPage();
    await signIn(reader, uniqueUser("reader"));
    await reader.goto(`/chat/${id}`);
    // The last answer wrote a document: it reopens beside the chat on a wide screen, not over it on a phone.
    if (device === "desktop") await expect(artifactPanel(reader).getByTestId("text-preview")).toContainText(/river/i);
    else {
      await expect(reader.getByTestId("message-assistant")).toBeVisible();
      await expect(artifactPanel(reader)).toHaveCount(0);
    }
    await reader.getByTestId("copy-link").click();
    await expect(reader.getByText("Link copied")).toBeVisible();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/chat/${id}`, reader.url()).toString());

    await reader.getByRole("button", { name: "Continue in a new chat" }).click();
    await expect(reader).not.toHaveURL(new RegExp(`/chat/${id}$`));
    await expect(reader).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
    const copyId = chatIdFrom(reader.url());
    await expect(reader.getByTestId("readonly-banner")).toHaveCount(0);
    await expect(reader.getByTestId("message-user")).toContainText("rivers");
    // The copy's document is the reader's own: it opens editable.
    await reader.getByTestId("document-tool-card").first().click();
    await expect(artifactPanel(reader).getByTestId("text-preview")).toContainText(/river/i);
    await expect(artifactPanel(reader).getByTestId("artifact-readonly")).toHaveCount(0);
    await reader.keyboard.press("Escape");
    await sendMessage(reader, "Hello");
    await waitForIdle(reader);
    await expect(assistantMessages(reader)).toHaveCount(2);
    expect(chatIdFrom(reader.url())).toBe(copyId);
    await other.close();
  });
}
