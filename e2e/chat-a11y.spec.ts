import { expect, type Page, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { artifactPanel, sendMessage, waitForIdle } from "./helpers/chat";

// Keyboard and screen-size access to the chat and its documents, against the offline model.
test.describe.configure({ timeout: 150_000 });

const PHONE = { width: 390, height: 844 };

/** A text document with open inline suggestions. */
async function documentWithSuggestions(page: Page) {
  await sendMessage(page, "Write a short essay about the ocean");
  // On a phone the full-screen document hides the composer: wait for the saved version instead.
  await expect(artifactPanel(page).getByTestId("version-label")).toHaveText("Version 1 of 1", { timeout: 45_000 });
  await expect(page.getByRole("button", { name: "Stop generating" })).toHaveCount(0, { timeout: 45_000 });
  // On a phone the document covers the chat: close it to ask for suggestions, then open it again.
  await artifactPanel(page).getByRole("button", { name: "Close document" }).click();
  await sendMessage(page, "Suggest improvements");
  await waitForIdle(page);
  await page.getByTestId("document-tool-card").last().click();
  const marks = artifactPanel(page).getByTestId("suggestion-mark");
  await expect(marks.first()).toBeVisible();
  return marks;
}

/** Presses Tab until `target` has focus (at most `max` times); returns how many presses it took. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, max = 60): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`Tab did not reach the element in ${max} presses`);
}

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", PHONE],
] as const) {
  test.describe(name, () => {
    test.use({ viewport });

    test("an inline suggestion opens with Enter and with Space, and Escape gives focus back to it", async ({ page }) => {
      await signIn(page, uniqueUser("kbd"));
      const marks = await documentWithSuggestions(page);
      const mark = marks.first();
      const card = page.getByRole("dialog").getByTestId("suggestion-card");

      // Tab reaches the highlight from the panel's header.
      await artifactPanel(page).getByRole("button", { name: "Close document" }).focus();
      await tabTo(page, mark);
      await page.keyboard.press("Enter");
      await expect(card).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(card).toBeHidden();
      await expect(mark).toBeFocused();

      await page.keyboard.press(" ");
      await expect(card).toBeVisible();
      // The card's own buttons are reachable and work from the keyboard too.
      const before = await marks.count();
      await card.getByRole("button", { name: "Dismiss" }).focus();
      await page.keyboard.press("Enter");
      await expect(marks).toHaveCount(before - 1);
    });
  });
}

test.describe("theme", () => {
  test.describe("light system preference", () => {
    test.use({ colorScheme: "light" });
    test("the sign-in page follows it and offers a theme toggle", async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
      const toggle = page.getByRole("button", { name: "Toggle light and dark theme" });
      await toggle.click();
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    });
  });
  test.describe("dark system preference", () => {
    test.use({ colorScheme: "dark" });
    test("the app follows it", async ({ page }) => {
      await page.goto("/sign-in");
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
      await page.emulateMedia({ colorScheme: "light" });
      await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    });
  });
});

test("a skip link is the first Tab stop and leads past the history to the conversation", async ({ page }) => {
  // Three chats in the history first: three full answers.
  test.setTimeout(300_000);
  await signIn(page, uniqueUser("skip"));
  let chatUrl = "";
  for (const topic of ["tea", "rivers", "owls"]) {
    await page.goto("/");
    // A loaded machine can take a while to hydrate the first page.
    await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible({ timeout: 45_000 });
    await sendMessage(page, `Tell me about ${topic}`);
    await waitForIdle(page);
    chatUrl = page.url();
  }
  // An existing chat (a new one focuses its composer), opened afresh: the first Tab lands on the skip link.
  await page.goto(chatUrl);
  await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible({ timeout: 45_000 });
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  expect(await tabTo(page, page.getByTestId("model-selector"), 5)).toBeLessThanOrEqual(3);
});

for (const [name, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", PHONE],
] as const) {
  test(`${name}: Escape returns focus to what opened the document, and to a menu's trigger`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, uniqueUser("focus"));
    await sendMessage(page, "Write a short poem about the sea");
    await expect(artifactPanel(page).getByTestId("version-label")).toHaveText("Version 1 of 1", { timeout: 45_000 });
    await artifactPanel(page).getByRole("button", { name: "Close document" }).click();
    await expect(artifactPanel(page)).toHaveCount(0);

    const card = page.getByTestId("document-tool-card").last();
    await card.focus();
    await page.keyboard.press("Enter");
    await expect(artifactPanel(page)).toBeVisible();
    // (An icon button would show its tooltip on focus, and the first Escape closes the tooltip.)
    await artifactPanel(page).getByRole("tab", { name: "Preview" }).focus();
    await page.keyboard.press("Escape");
    await expect(artifactPanel(page)).toHaveCount(0);
    await expect(card).toBeFocused();

    const selector = page.getByTestId("model-selector");
    // The document can be saved before the answer's last words, and the selector is disabled (so
    // cannot take focus) until the answer ends.
    await expect(selector).toBeEnabled();
    await selector.focus();
    await expect(selector).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menu")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("menu")).toHaveCount(0);
    await expect(selector).toBeFocused();
  });
}

test.describe("phone layout", () => {
  test.use({ viewport: PHONE });

  test("Restore this version fits on screen", async ({ page }) => {
    await signIn(page, uniqueUser("restore"));
    await sendMessage(page, "Write a short essay about the ocean");
    const panel = artifactPanel(page);
    await expect(panel.getByTestId("version-label")).toHaveText("Version 1 of 1", { timeout: 45_000 });
    await panel.getByRole("button", { name: "Close document" }).click();
    await sendMessage(page, "Make it shorter");
    await expect(panel.getByTestId("version-label")).toHaveText("Version 2 of 2", { timeout: 45_000 });
    await panel.getByRole("button", { name: "Previous version" }).click();
    const restore = panel.getByRole("button", { name: "Restore this version" });
    await expect(restore).toBeVisible();
    const box = await restore.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await restore.click();
    await expect(panel.getByTestId("version-label")).toHaveText("Version 3 of 3");
  });

  test("the models table keeps all six columns and scrolls sideways to them", async ({ page }) => {
    await signIn(page, uniqueUser("models"), "/models");
    await page.goto("/models");
    const headers = page.getByRole("columnheader");
    await expect(headers).toHaveText(["Model", "Type", "Parameters", "Context", "Input / 1M", "Output / 1M"]);
    const last = page.getByRole("columnheader", { name: "Output / 1M" });
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    // The page itself does not scroll sideways; only the table does.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });
});

test("a new chat's first message asks for its documents and votes only once the chat exists", async ({ page }) => {
  await signIn(page, uniqueUser("firstmsg"));
  const failures: string[] = [];
  let asked = 0;
  page.on("response", (res) => {
    if (!/documents\.byChat|votes\.byChat/.test(res.url())) return;
    asked += 1;
    if (!res.ok()) failures.push(`${res.status()} ${res.url()}`);
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Chat not found/.test(msg.text())) failures.push(msg.text());
  });
  // The chat request is held back a little so a query sent too early reaches the server first, every
  // time (the window bounds a request that must not happen; nothing waits for it otherwise).
  let sawEarlyQuery: () => void = () => undefined;
  const early = new Promise<void>((resolve) => {
    sawEarlyQuery = resolve;
  });
  page.on("request", (req) => {
    if (/documents\.byChat|votes\.byChat/.test(req.url())) sawEarlyQuery();
  });
  await page.route("**/api/chat", async (route) => {
    await Promise.race([early, new Promise((resolve) => setTimeout(resolve, 1500))]);
    await route.continue();
  });
  await sendMessage(page, "Write a short poem about the moon");
  await waitForIdle(page);
  await expect(artifactPanel(page).getByTestId("version-label")).toHaveText("Version 1 of 1", { timeout: 45_000 });
  await expect.poll(() => asked).toBeGreaterThan(0);
  expect(failures).toEqual([]);
});
