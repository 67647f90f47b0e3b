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
