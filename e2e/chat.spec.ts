import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { assistantMessages, chatIdFrom, sendMessage, waitForIdle } from "./helpers/chat";

// The chat against the offline model (no OPENAI_API_KEY): http://127.0.0.1:3100.

test("sends a message, streams the answer, titles the chat and lists it in the history", async ({ page }) => {
  await signIn(page, uniqueUser("chat"));
  await expect(page.getByRole("heading", { name: "What shall we write today?" })).toBeVisible();
  await expect(page.getByTestId("model-selector")).toContainText("Offline");

  await sendMessage(page, "Hello! What can you help me with today?");
  await expect(page).toHaveURL(/\/chat\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("message-user")).toContainText("What can you help me with today?");

  // The answer arrives token by token: the stop button shows while it streams.
  await expect(page.getByRole("button", { name: "Stop generating" })).toBeVisible();
  const answer = assistantMessages(page).last();
  await expect(answer).toContainText(/\w+/);
  await waitForIdle(page);
  await expect(answer).toContainText(/offline/i);
  await expect(answer.getByTestId("offline-note")).toBeVisible();

  // A generated title, shown in the header and in the history under "Today".
  const history = page.getByTestId("chat-history");
  await expect(history.getByText("Today")).toBeVisible();
  const id = chatIdFrom(page.url());
  await expect(history.locator(`a[href="/chat/${id}"]`)).toBeVisible();
  await expect(page.getByTestId("chat-title")).not.toHaveText("New chat");

  // Votes persist.
  await answer.getByRole("button", { name: "Good answer" }).click();
  await expect(answer.getByRole("button", { name: "Good answer" })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(assistantMessages(page).last().getByRole("button", { name: "Good answer" })).toHaveAttribute("aria-pressed", "true");
});

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`Escape stops a streaming answer, marked stopped; Continue finishes it in place (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, uniqueUser("escape"));
    await sendMessage(page, "Tell me everything you know about the history of the printing press, in detail.");
    const answer = assistantMessages(page).last();
    await expect(answer).toContainText(/\w+\s+\w+/);
    const stopButton = page.getByRole("button", { name: "Stop generating" });
    await expect(stopButton).toHaveAttribute("aria-keyshortcuts", "Escape");
    await page.getByRole("textbox", { name: "Message" }).focus();
    await page.keyboard.press("Escape");
    // Stopped at once: this answer runs on for many seconds more when nothing stops it.
    await expect(stopButton).toBeHidden({ timeout: 3000 });
    await waitForIdle(page);
    const partial = (await answer.getByTestId("message-text").first().innerText()).trim();
    expect(partial.length).toBeGreaterThan(0);
    await expect(answer.getByTestId("stopped-note")).toContainText("Stopped");

    await answer.getByRole("button", { name: "Continue" }).click();
    await expect(answer.getByTestId("stopped-note")).toBeHidden();
    await waitForIdle(page);
    // One answer, carried on from where it stopped, to its end.
    await expect(assistantMessages(page)).toHaveCount(1);
    const whole = (await answer.getByTestId("message-text").first().innerText()).trim();
    // (A partial answer's Markdown can render differently mid-sentence; its opening words cannot.)
    expect(whole.startsWith(partial.slice(0, Math.min(partial.length, 10)))).toBe(true);
    expect(whole).toContain("To chat with a real model, set OPENAI_API_KEY");

    await page.reload();
    const reloaded = assistantMessages(page).last();
    await expect(reloaded.getByTestId("message-text")).toHaveCount(1);
    // Until the Markdown renderer has loaded the answer shows as plain text: wait for it.
    await expect.poll(async () => (await reloaded.getByTestId("message-text").innerText()).trim()).toBe(whole);
    await expect(reloaded.getByTestId("stopped-note")).toHaveCount(0);
  });
}

test("stopping mid-stream keeps the partial answer after a reload", async ({ page }) => {
  await signIn(page, uniqueUser("stop"));
  await sendMessage(page, "Tell me everything you know about the history of the printing press, in detail.");
  const answer = assistantMessages(page).last();
  await expect(answer).toContainText(/\w+\s+\w+/);
  await page.getByRole("button", { name: "Stop generating" }).click();
  await waitForIdle(page);
  const partial = (await answer.getByTestId("message-text").first().innerText()).trim();
  expect(partial.length).toBeGreaterThan(0);

  // The server saves the partial answer when it sees the abort; under load that can land a
  // moment after the click, so reload until it is there.
  const reloaded = assistantMessages(page).last();
  await expect(async () => {
    await page.reload();
    await expect(reloaded).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  // What was shown when stopping is what was saved (the server may have flushed a few more tokens);
  // until the Markdown renderer has loaded, the answer shows as plain text.
  const opening = partial.slice(0, Math.min(partial.length, 40));
  await expect.poll(async () => (await reloaded.getByTestId("message-text").first().innerText()).trim().startsWith(opening)).toBe(true);
});

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`an edit and a regenerate keep the earlier versions: switch between them, also after a reload (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, uniqueUser("branch"));
    await sendMessage(page, "What is the capital of France?");
    await waitForIdle(page);
    await sendMessage(page, "And of Italy?");
    await waitForIdle(page);
    await expect(page.getByTestId("message-user")).toHaveCount(2);

    // Edit the first message: the conversation follows the new version.
    const first = page.getByTestId("message-user").first();
    await first.hover();
    await first.getByRole("button", { name: "Edit message" }).click();
    await first.getByRole("textbox", { name: "Edit message" }).fill("What is the capital of Spain?");
    await first.getByRole("button", { name: "Send" }).click();
    await waitForIdle(page);
    await expect(page.getByTestId("message-user")).toHaveCount(1);
    await expect(page.getByTestId("message-user")).toContainText("Spain");
    await expect(assistantMessages(page)).toHaveCount(1);
    const position = first.getByTestId("branch-position");
    await expect(position).toHaveText("2 / 2");

    // Regenerate: a second version of the answer, under a new id.
    const before = await assistantMessages(page).first().getAttribute("data-message-id");
    await assistantMessages(page).first().getByRole("button", { name: "Regenerate answer" }).click();
    await waitForIdle(page);
    await expect(assistantMessages(page)).toHaveCount(1);
    await expect(assistantMessages(page).first()).not.toHaveAttribute("data-message-id", before ?? "");
    await expect(assistantMessages(page).first().getByTestId("branch-position")).toHaveText("2 / 2");
    await assistantMessages(page).first().getByRole("button", { name: "Previous version" }).click();
    await expect(assistantMessages(page).first()).toHaveAttribute("data-message-id", before ?? "");
    await expect(assistantMessages(page).first().getByTestId("branch-position")).toHaveText("1 / 2");

    // The first version of the question brings its whole conversation back.
    await first.getByRole("button", { name: "Previous version" }).click();
    await expect(position).toHaveText("1 / 2");
    await expect(page.getByTestId("message-user")).toHaveCount(2);
    await expect(page.getByTestId("message-user").first()).toContainText("France");
    await expect(page.getByTestId("message-user").last()).toContainText("Italy");

    // The chosen branch is stored: a reload shows it, and the way back to the edit.
    await page.reload();
    await expect(page.getByTestId("message-user")).toHaveCount(2);
    await expect(page.getByTestId("message-user").first()).toContainText("France");
    await expect(page.getByTestId("message-user").first().getByTestId("branch-position")).toHaveText("1 / 2");
    await page.getByTestId("message-user").first().getByRole("button", { name: "Next version" }).click();
    await expect(page.getByTestId("message-user")).toHaveCount(1);
    await expect(page.getByTestId("message-user")).toContainText("Spain");
    // A version brings back its newest conversation: here the regenerated answer.
    await expect(assistantMessages(page).first().getByTestId("branch-position")).toHaveText("2 / 2");
  });
}

test("the composer counts characters near the limit and refuses too long a message", async ({ page }) => {
  await signIn(page, uniqueUser("limit"));
  const input = page.getByRole("textbox", { name: "Message" });
  await input.fill("a".repeat(7000));
  await expect(page.getByTestId("char-counter")).toHaveText("7,000 / 8,000");
  await input.fill("a".repeat(8001));
  await expect(page.getByRole("button", { name: "Send message" })).toBeDisabled();
  await expect(page.getByText("Messages can be at most 8,000 characters")).toBeVisible();
});

test("renames and deletes a chat from the history, and deletes all with confirmation", async ({ page }) => {
  await signIn(page, uniqueUser("history"));
  await sendMessage(page, "Hello there");
  await waitForIdle(page);
  const id = chatIdFrom(page.url());
  const history = page.getByTestId("chat-history");
  const link = history.locator(`a[href="/chat/${id}"]`);
  await expect(link).toBeVisible();
  const item = history.locator("li").filter({ has: page.locator(`a[href="/chat/${id}"]`) });

  // Rename.
  await link.hover();
  await item.getByRole("button", { name: /Options for/ }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  await page.getByLabel("Title").fill("My renamed chat");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(link).toHaveText("My renamed chat");
  await expect(page.getByTestId("chat-title")).toHaveText("My renamed chat");

  // Delete this chat: back to a new chat, and the address no longer opens it.
  await link.hover();
  await item.getByRole("button", { name: /Options for/ }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("My renamed chat");
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(history.locator(`a[href="/chat/${id}"]`)).toHaveCount(0);
  const res = await page.goto(`/chat/${id}`);
  expect(res?.status()).toBe(404);

  // Delete all, with confirmation.
  await page.goto("/");
  await sendMessage(page, "One more chat");
  await waitForIdle(page);
  await expect(history.getByRole("link")).toHaveCount(1);
  await page.getByRole("button", { name: "History options" }).click();
  await page.getByRole("menuitem", { name: "Delete all chats" }).click();
  await page.getByRole("button", { name: "Delete all" }).click();
  await expect(history.getByText("Your chats will appear here")).toBeVisible();
});

test("the history loads older chats as it scrolls", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, uniqueUser("pages"));
  // 21 chats made through the chat API itself (one page of history is 20).
  for (let i = 1; i <= 21; i++) {
    const res = await page.request.post("/api/chat", {
      data: {
        id: randomUUID(),
        message: { id: randomUUID(), role: "user", parts: [{ type: "text", text: `Hello number ${i}` }] },
        trigger: "submit-message",
        model: "radium-offline",
        visibility: "private",
      },
    });
    expect(res.status()).toBe(200);
    await res.body();
  }
  await page.goto("/");
  const history = page.getByTestId("chat-history");
  await expect(history.getByRole("link")).toHaveCount(20);
  await history.getByRole("link").last().scrollIntoViewIfNeeded();
  await expect(history.getByRole("link")).toHaveCount(21);
  await expect(history.getByText("You have reached the end of your chat history.")).toBeVisible();
});

for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 800 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`history search finds a chat by words of its messages, by keyboard (${device})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, uniqueUser("search"));
    const make = async (text: string) => {
      const id = randomUUID();
      const res = await page.request.post("/api/chat", {
        data: { id, message: { id: randomUUID(), role: "user", parts: [{ type: "text", text }] }, trigger: "submit-message", model: "radium-offline" },
      });
      expect(res.status()).toBe(200);
      await res.body();
      return id;
    };
    const quokka = await make("Where do quokkas live, and what do they eat?");
    await make("Hello there");
    await page.goto("/");
    await expect(page.locator('form[aria-label="Send a message"][data-ready]')).toBeVisible();

    await page.keyboard.press("Control+K");
    const dialog = page.getByRole("dialog", { name: "Search chats" });
    await expect(dialog).toBeVisible();
    // With nothing typed: the latest chats.
    await expect(dialog.getByTestId("search-hit")).toHaveCount(2);
    await dialog.getByRole("combobox", { name: "Search chats" }).fill("quokk");
    await expect(dialog.getByTestId("search-hit")).toHaveCount(1);
    await expect(dialog.getByTestId("search-hit").locator("mark").first()).toHaveText(/quokka/i);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/chat/${quokka}$`));
    await expect(dialog).toBeHidden();

    // From the history column's button, and a search with no match says so.
    if (device === "phone") await page.getByRole("button", { name: "Toggle chat history" }).click();
    await page.getByRole("button", { name: "Search chats" }).first().click();
    await dialog.getByRole("combobox", { name: "Search chats" }).fill("zebras");
    await expect(dialog.getByText("No chats match “zebras”.")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  });
}

test("a long answer keeps the view at its newest words; scrolled up, a button brings the reader back (phone)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, uniqueUser("scroll"));
  await sendMessage(page, "Tell me everything you know about the history of the printing press, in detail.");
  await waitForIdle(page);
  const messages = page.getByTestId("messages");
  const distanceFromBottom = () => messages.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  expect(await messages.evaluate((el) => el.scrollHeight > el.clientHeight * 2)).toBe(true);
  await expect.poll(distanceFromBottom).toBeLessThan(8);

  await messages.evaluate((el) => el.scrollTo({ top: 0 }));
  const back = page.getByRole("button", { name: "Scroll to the latest message" });
  await expect(back).toBeVisible();
  await back.click();
  await expect.poll(distanceFromBottom).toBeLessThan(8);
  await expect(back).toBeHidden();
});
