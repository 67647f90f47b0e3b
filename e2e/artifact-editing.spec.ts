import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { artifactPanel, sendMessage, waitForIdle } from "./helpers/chat";

// Editing and comparing document versions, against the offline model.
test.describe.configure({ timeout: 150_000 });

test("one editing session is one version; leaving the editor starts the next", async ({ page }) => {
  await signIn(page, uniqueUser("session"));
  await sendMessage(page, "Write a short poem about autumn leaves");
  await waitForIdle(page);
  const panel = artifactPanel(page);
  const label = panel.getByTestId("version-label");
  const status = page.getByTestId("artifact-status");
  await expect(label).toHaveText("Version 1 of 1");
  await panel.getByRole("tab", { name: "Edit markdown" }).click();
  const editor = panel.getByTestId("text-editor");
  await editor.press("ControlOrMeta+End");

  // Three bursts of typing with pauses long enough to autosave each: still one new version.
  for (const words of [" First", " second", " third."]) {
    await editor.pressSequentially(words);
    await expect(status).toHaveText("Saved", { timeout: 10_000 });
  }
  await expect(label).toHaveText("Version 2 of 2");

  // Leaving the document (here for the composer) ends the session: the next edit is a new version.
  await page.getByRole("textbox", { name: "Message" }).click();
  await editor.click();
  await editor.press("ControlOrMeta+End");
  await editor.pressSequentially(" Fourth.");
  await expect(status).toHaveText("Saved", { timeout: 10_000 });
  await expect(label).toHaveText("Version 3 of 3");

  await page.reload();
  await page.getByTestId("document-tool-card").last().click();
  await expect(label).toHaveText("Version 3 of 3");
  await expect(panel.getByTestId("text-preview")).toContainText("First second third. Fourth.");
});

test("the text diff is rendered, can show the markdown, and its counter counts what is highlighted", async ({ page }) => {
  await signIn(page, uniqueUser("diff"));
  await sendMessage(page, "Write a short essay about the ocean");
  await waitForIdle(page);
  const panel = artifactPanel(page);
  await sendMessage(page, "Make it shorter");
  await waitForIdle(page);
  await expect(panel.getByTestId("version-label")).toHaveText("Version 2 of 2");

  await panel.getByRole("button", { name: "Show changes" }).click();
  const diff = panel.getByTestId("version-diff");
  const rendered = diff.getByTestId("rendered-diff");
  await expect(rendered).toBeVisible();
  // Rendered: headings are headings, no markdown markers on screen.
  await expect(rendered.locator("h1, h2").first()).toBeVisible();
  expect(await rendered.innerText()).not.toMatch(/^#+\s/m);
  const counter = diff.getByTestId("diff-counter");
  const highlighted = async (kind: "added" | "removed") => diff.locator(`[data-diff="${kind}"]`).count();
  await expect(counter).toContainText(`+${await highlighted("added")} −${await highlighted("removed")}`);

  await diff.getByRole("button", { name: "Show markdown" }).click();
  await expect(rendered).toHaveCount(0);
  await expect(diff.locator("[data-diff]").first()).toBeVisible();
  // Raw: the counter counts the highlighted words.
  const words = await diff.locator("[data-diff]").evaluateAll((els) =>
    els.reduce(
      (acc, el) => {
        const n = (el.textContent ?? "").split(/\s+/).filter(Boolean).length;
        if (el.getAttribute("data-diff") === "added") acc.added += n;
        else acc.removed += n;
        return acc;
      },
      { added: 0, removed: 0 },
    ),
  );
  await expect(counter).toContainText(`+${words.added} −${words.removed}`);
  await diff.getByRole("button", { name: "Show rendered" }).click();
  await expect(rendered).toBeVisible();
});

test("a sheet's versions are compared cell by cell", async ({ page }) => {
  await signIn(page, uniqueUser("sheetdiff"));
  await sendMessage(page, "Make a spreadsheet of a monthly household budget");
  await waitForIdle(page);
  const panel = artifactPanel(page);
  await expect(panel).toHaveAttribute("data-kind", "sheet");
  const grid = panel.getByTestId("sheet-grid");
  const a1 = grid.getByRole("textbox", { name: "Cell A1", exact: true });
  const before = await a1.inputValue();
  await a1.fill("Category (edited)");
  await expect(page.getByTestId("artifact-status")).toHaveText("Saved", { timeout: 10_000 });
  await expect(panel.getByTestId("version-label")).toHaveText("Version 2 of 2");

  await panel.getByRole("button", { name: "Show changes" }).click();
  const sheetDiff = panel.getByTestId("sheet-diff");
  await expect(sheetDiff).toBeVisible();
  const changed = sheetDiff.locator('[data-diff="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator("del")).toHaveText(before);
  await expect(changed.locator("ins")).toHaveText("Category (edited)");
  await expect(panel.getByTestId("diff-counter")).toContainText("+1 −1 cell");
});

test("small things: favicon, the model tab title, sign-in when signed in, the suggestions card count", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  // Cached for a day, so a page view does not fetch it again.
  expect(favicon.headers()["cache-control"]).toContain("max-age=86400");

  await signIn(page, uniqueUser("small"));
  await page.goto("/sign-in");
  await expect(page).not.toHaveURL(/\/sign-in/);

  await page.goto("/models");
  const first = page.getByTestId("model-row").first().getByRole("link");
  const name = await first.innerText();
  await first.click();
  await expect(page).toHaveTitle(`${name} · Radium`);

  await page.goto("/");
  await sendMessage(page, "Write a short essay about the ocean");
  await waitForIdle(page);
  await sendMessage(page, "Suggest improvements");
  await waitForIdle(page);
  const card = page.locator('[data-testid="document-tool-card"][data-tool="requestSuggestions"]');
  const total = Number(/(\d+) suggestions?/.exec(await card.innerText())?.[1]);
  expect(total).toBeGreaterThan(1);
  const marks = artifactPanel(page).getByTestId("suggestion-mark");
  await marks.first().click();
  await page.getByRole("dialog").getByTestId("suggestion-card").getByRole("button", { name: "Dismiss" }).click();
  await expect(card).toContainText(`${total - 1} of ${total} suggestions open`);
});
