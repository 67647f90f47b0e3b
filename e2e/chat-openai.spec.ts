import { expect, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";
import { artifactPanel, assistantMessages, sendMessage, waitForIdle } from "./helpers/chat";

// The app with OPENAI_API_KEY set and OPENAI_BASE_URL pointing at the fake OpenAI server, so the
// real @ai-sdk/openai provider (Chat Completions) parses real streaming wire chunks.
const APP = process.env.OPENAI_APP_URL ?? "http://127.0.0.1:3101";
const FAKE = process.env.FAKE_OPENAI_URL ?? "http://127.0.0.1:3199";

test.use({ baseURL: APP });
test.describe.configure({ timeout: 120_000 });

async function failNext(scenario: "rate-limit" | "drop", times: number) {
  const res = await fetch(`${FAKE}/__control`, { method: "POST", body: JSON.stringify({ scenario, times }) });
  expect(res.ok).toBe(true);
}

test("streams an answer from the configured OpenAI model and renders a createDocument tool call", async ({ page }) => {
  await signIn(page, uniqueUser("openai"));
  const selector = page.getByTestId("model-selector");
  await expect(selector).not.toContainText("Offline");

  await sendMessage(page, "Hi there, please introduce yourself");
  const answer = assistantMessages(page).last();
  await expect(answer).toContainText("Hello from the fake OpenAI server");
  await waitForIdle(page);
  await expect(answer).toContainText("token by token");
  await expect(answer.getByTestId("offline-note")).toHaveCount(0);

  // The tool call's arguments arrive in pieces; the document opens and fills beside the chat.
  await sendMessage(page, "Write an essay about volcanoes");
  const panel = artifactPanel(page);
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute("data-kind", "text");
  await waitForIdle(page);
  await expect(page.getByTestId("artifact-title")).toHaveText("Essay about volcanoes");
  await expect(panel.getByTestId("text-preview")).toContainText(/volcanoes/i);
  await expect(panel.getByTestId("version-label")).toHaveText("Version 1 of 1");
  const last = assistantMessages(page).last();
  await expect(last.getByTestId("document-tool-card")).toContainText("Essay about volcanoes");
  await expect(last).toContainText("It's open beside the chat.");
});

test("a provider rate limit (HTTP 429) shows a readable error, and Retry answers", async ({ page }) => {
  await signIn(page, uniqueUser("ratelimit"));
  await sendMessage(page, "Hello");
  await waitForIdle(page);

  // Both attempts of the next turn (the provider call retries once) get HTTP 429.
  await failNext("rate-limit", 2);
  await sendMessage(page, "What is the tallest mountain?");
  const error = page.getByTestId("chat-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText(/rate-limiting requests \(HTTP 429\)/);
  await expect(error).not.toContainText("{");

  await error.getByRole("button", { name: "Retry" }).click();
  await expect(error).toHaveCount(0);
  await waitForIdle(page);
  await expect(assistantMessages(page).last()).toContainText("What is the tallest mountain?");
  await expect(page.getByTestId("message-user")).toHaveCount(2);
});

test("a connection dropped mid-stream shows a readable error with Retry", async ({ page }) => {
  await signIn(page, uniqueUser("drop"));
  await sendMessage(page, "Hello");
  await waitForIdle(page);

  await failNext("drop", 1);
  await sendMessage(page, "Tell me about rivers");
  const error = page.getByTestId("chat-error");
  await expect(error).toBeVisible();
  await expect(error).toContainText(/connection to the model provider dropped/i);

  await error.getByRole("button", { name: "Retry" }).click();
  await expect(error).toHaveCount(0);
  await waitForIdle(page);
  await expect(assistantMessages(page).last()).toContainText("Tell me about rivers");
  await expect(assistantMessages(page)).toHaveCount(2);
});
