import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { artifactPanel, sendMessage, waitForIdle } from "./helpers/chat";

// An axe scan of the chat (with a conversation), the document panel and the models page, in light
// and dark, on a desktop and a 390 px phone: no serious or critical violations. Offline model.
test.describe.configure({ timeout: 240_000 });

const VIEWPORTS = [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const;
const SCHEMES = ["light", "dark"] as const;

type Scheme = (typeof SCHEMES)[number];

async function switchScheme(page: Page, scheme: Scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  // next-themes follows the system preference (no theme picked) and switches without transitions.
  if (scheme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
}

/** Runs axe on the page (or part of it) and fails softly on each serious or critical violation, listing where. */
async function expectNoSeriousViolations(page: Page, what: string, include?: string) {
  // Nothing hovered: a pointer left over a button would scan its tooltip instead of the page.
  await page.mouse.move(0, 0);
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.html.slice(0, 200)}\n      ${n.failureSummary?.replaceAll("\n", "\n      ")}`).join("\n"),
  );
  expect.soft(report, `axe: serious or critical violations on ${what}`).toEqual([]);
}

/** A chat with a plain answer, a text document and open suggestions on it. */
async function conversationWithDocument(page: Page) {
  await sendMessage(page, "Tell me about tides");
  await waitForIdle(page);
  await sendMessage(page, "Write a short essay about the ocean");
  // On a phone the full-screen document hides the composer: wait for the saved version instead.
  await expect(artifactPanel(page).getByTestId("version-label")).toHaveText("Version 1 of 1", { timeout: 45_000 });
  await expect(page.getByRole("button", { name: "Stop generating" })).toHaveCount(0, { timeout: 45_000 });
  await artifactPanel(page).getByRole("button", { name: "Close document" }).click();
  await sendMessage(page, "Suggest improvements");
  await waitForIdle(page);
  // The answers' actions are in place (copy, votes, regenerate).
  await expect(page.getByRole("button", { name: "Regenerate answer" })).toBeVisible();
}

for (const [device, viewport] of VIEWPORTS) {
  test.describe(device, () => {
    test.use({ viewport });

    test("chat with a conversation, and the document panel open on its document", async ({ page }) => {
      await signIn(page, uniqueUser("axe"));
      await conversationWithDocument(page);
      const panel = artifactPanel(page);
      const card = page.getByTestId("document-tool-card").first();

      for (const scheme of SCHEMES) {
        await test.step(`${scheme}: chat`, async () => {
          await switchScheme(page, scheme);
          await expect(panel).toHaveCount(0);
          await expectNoSeriousViolations(page, `the chat (${device}, ${scheme})`);
        });

        await test.step(`${scheme}: document panel`, async () => {
          await card.click();
          await expect(panel.getByTestId("text-preview")).toBeVisible();
          await expect(panel.getByTestId("suggestion-mark").first()).toBeVisible();
          await expectNoSeriousViolations(page, `the chat with the document open (${device}, ${scheme})`);

          // An inline suggestion's card.
          await panel.getByTestId("suggestion-mark").first().click();
          // (On a phone the document panel is itself a dialog.)
          const dialog = page.getByRole("dialog", { name: "Suggestion" });
          await expect(dialog.getByTestId("suggestion-card")).toBeVisible();
          await expectNoSeriousViolations(page, `a suggestion's card (${device}, ${scheme})`, "[data-slot=popover-content]");
          await page.keyboard.press("Escape");
          await expect(dialog).toHaveCount(0);

          await panel.getByRole("button", { name: "Close document" }).click();
          await expect(panel).toHaveCount(0);
        });
      }
    });

    test("models page", async ({ page }) => {
      await signIn(page, uniqueUser("axe-models"), "/models");
      await page.goto("/models");
      await expect(page.getByRole("heading", { name: "Models", level: 1 })).toBeVisible();
      // The list has rendered (not its loading skeleton).
      await expect(page.getByTestId("model-row").first()).toBeVisible();
      for (const scheme of SCHEMES) {
        await switchScheme(page, scheme);
        await expectNoSeriousViolations(page, `the models page (${device}, ${scheme})`);
      }
    });
  });
}
