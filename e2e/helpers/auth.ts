import { expect, type Page } from "@playwright/test";

/** Signs in through the local sign-in form (the embedded default when no Clerk keys are set). */
export async function signIn(page: Page, user: { name: string; email: string }, redirectTo = "/") {
  await page.goto(`/sign-in?redirect_url=${encodeURIComponent(redirectTo)}`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** A unique user per test so runs never collide in the shared e2e database. */
export function uniqueUser(prefix = "user") {
  const tag = `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
  return { name: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} Tester`, email: `${tag}@example.com` };
}
