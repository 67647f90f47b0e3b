import { expect, type Page, test } from "@playwright/test";
import { signIn, uniqueUser } from "./helpers/auth";

// The New Deployment wizard on the production build, driven by the keyboard (controls are focused,
// then typed into or moved with arrows, Space and Enter), through terms and payment to a simulated
// endpoint that comes up, pauses, resumes and is deleted through the signed local runner.

const CARD = "4242 4242 4242 4242";
const CVC = "987";
const SECRET_VALUE = "s3cr3t-value-never-stored";

async function wizardReady(page: Page) {
  await expect(page.locator('form[aria-label="New deployment"][data-ready]')).toBeVisible();
}

/** Focus a control and type into it, replacing what was there. */
async function typeInto(page: Page, label: string | RegExp, text: string) {
  const box = page.getByLabel(label, { exact: typeof label === "string" });
  await box.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/**
 * Arrow keys in a Radix radio group move focus on the next tick and check the item only while the
 * key is still down, so hold it as a person does (Playwright's default press lasts 0 ms).
 */
async function arrow(page: Page, key: "ArrowRight" | "ArrowLeft") {
  await page.keyboard.press(key, { delay: 50 });
}

async function openSection(page: Page, title: string) {
  const trigger = page.getByRole("button", { name: new RegExp(`^${title}`) });
  if ((await trigger.getAttribute("aria-expanded")) !== "true") {
    await trigger.focus();
    await page.keyboard.press("Enter");
  }
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
}

/** The footer's monthly band as it reads: "$E/mo expected · range $MIN–$MAX" (whole dollars). */
async function footerBand(page: Page) {
  const text = await page.getByTestId("cost-monthly").innerText();
  const m = /^(\$[\d,]+)\/mo expected · (?:range )?(\$[\d,]+)–(\$[\d,]+)$/.exec(text.trim());
  if (!m) throw new Error(`unexpected footer band: ${text}`);
  return { Minimum: m[2], Expected: m[1], Maximum: m[3] };
}

async function footerText(page: Page) {
  return `${await page.getByTestId("cost-hourly").innerText()} | ${await page.getByTestId("cost-monthly").innerText()}`;
}

test("fill the wizard by keyboard, watch the cost, deploy, then pause, resume and delete", async ({ page }) => {
  test.setTimeout(120_000);
  const bodies: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/trpc")) bodies.push(r.postData() ?? "");
  });
  await signIn(page, uniqueUser("deployer"), "/deployments");
  await expect(page.getByText("No deployments yet")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "New deployment" }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/deployments\/new$/);
  await wizardReady(page);

  await typeInto(page, "Endpoint name", "e2e-llama");
  // Foundation model: search the catalog, Tab into the results, Space picks the only match.
  await page.getByLabel("Search models").focus();
  await page.keyboard.type("Llama 3.1 8B");
  await expect(page.getByRole("radio")).toHaveCount(1);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("section-summary-model")).toContainText("Llama 3.1 8B Instruct");

  // Hardware: arrows move between instance types and GPU counts; the footer follows each change.
  await openSection(page, "Hardware Configuration");
  await expect(page.getByTestId("cost-hourly")).toHaveText("$0.82/hour"); // 1 × L4 + request logging
  await page.getByRole("radio", { name: /^NVIDIA L4 / }).focus();
  await arrow(page, "ArrowRight");
  await expect(page.getByRole("radio", { name: /^NVIDIA A10G/ })).toBeChecked();
  await expect(page.getByTestId("cost-hourly")).toHaveText("$1.02/hour");
  const beforeGpus = await footerText(page);
  await page.getByRole("radio", { name: "1 GPU" }).focus();
  await arrow(page, "ArrowRight");
  await expect(page.getByRole("radio", { name: "2 GPUs" })).toBeChecked();
  await expect(page.getByTestId("cost-hourly")).toHaveText("$2.02/hour");
  expect(await footerText(page)).not.toBe(beforeGpus);
  // Instance types that cannot hold the model are disabled and say why.
  await expect(page.getByRole("radio", { name: /^CPU · 1 vCPU/ })).toBeDisabled();
  await expect(page.getByText(/needs ≈ \d+ GB; CPU · 1 vCPU has 2 GB of RAM/)).toBeVisible();

  // Scaling: scale to zero (an idle timeout appears) and up to 3 replicas change the monthly band.
  await openSection(page, "Scaling");
  const beforeReplicas = await page.getByTestId("cost-monthly").innerText();
  await typeInto(page, "Min replicas", "0");
  await expect(page.getByLabel("Scale to zero after")).toBeVisible();
  await typeInto(page, "Max replicas", "3");
  await expect(page.getByTestId("cost-monthly")).not.toHaveText(beforeReplicas);
  await expect(page.getByTestId("cost-monthly")).toContainText("range $0–");
  await typeInto(page, "Expected traffic", "120");

  // Environment: region by keyboard (priced), a variable and a write-only secret.
  await openSection(page, "Environment");
  await page.getByRole("combobox", { name: "Region" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: /Europe \(Ireland\)/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("cost-hourly")).toHaveText("$2.26/hour"); // 2 × A10G +12% + logging
  await page.getByRole("button", { name: "Add variable" }).focus();
  await page.keyboard.press("Enter");
  await typeInto(page, "Variable 1 name", "MAX_INPUT_TOKENS");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2048");
  await page.getByRole("button", { name: "Add secret" }).focus();
  await page.keyboard.press("Enter");
  await typeInto(page, "Secret 1 name", "HF_TOKEN");
  await page.keyboard.press("Tab");
  await page.keyboard.type(SECRET_VALUE);

  // Security: private access needs the private endpoint add-on; Space toggles it on.
  await openSection(page, "Security");
  await page.getByRole("radio", { name: /^Private/ }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("switch", { name: /Private endpoint/ }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("cost-hourly")).toHaveText("$2.29/hour");

  // The draft survives a reload, without the secret's value.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("radium:deployment-draft:v1") ?? "")).toContain('"privateEndpoint":true');
  expect(await page.evaluate(() => localStorage.getItem("radium:deployment-draft:v1"))).not.toContain(SECRET_VALUE);
  await page.reload();
  await wizardReady(page);
  await expect(page.getByLabel("Endpoint name")).toHaveValue("e2e-llama");
  await expect(page.getByTestId("cost-hourly")).toHaveText("$2.29/hour");
  await openSection(page, "Environment");
  await expect(page.getByLabel("Secret 1 name")).toHaveValue("HF_TOKEN");
  await expect(page.getByLabel("Secret 1 value")).toHaveValue("");
  await typeInto(page, "Secret 1 value", SECRET_VALUE);
  const footerHourly = await page.getByTestId("cost-hourly").innerText();
  const footerMonthly = await footerBand(page);
  // Scale to zero and up to 3 replicas: the three figures differ, so a mixed-up pair cannot pass.
  expect(new Set(Object.values(footerMonthly)).size).toBe(3);

  // Deploy → terms (accepted by keyboard) → payment (checked in the browser) → token shown once.
  await page.getByTestId("cost-footer").getByRole("button", { name: "Deploy", exact: true }).focus();
  await page.keyboard.press("Enter");
  const terms = page.getByRole("dialog", { name: "Terms of service" });
  await expect(terms).toBeVisible();
  await terms.getByRole("checkbox").focus();
  await page.keyboard.press("Space");
  await terms.getByRole("button", { name: "Accept and continue" }).focus();
  await page.keyboard.press("Enter");
  const payment = page.getByRole("dialog", { name: "Payment method" });
  await expect(payment.getByText("No payment processor is connected.")).toBeVisible();
  await typeInto(page, "Card number", "4242 4242 4242 4241");
  await typeInto(page, "Expiry (MM/YY)", "12/34");
  await typeInto(page, "Security code", CVC);
  await page.keyboard.press("Enter");
  await expect(payment.getByText("This card number is not valid: check for a typo.")).toBeVisible();
  await expect(payment.getByLabel("Card number")).toBeFocused();
  await typeInto(page, "Card number", CARD);
  await page.keyboard.press("Enter");

  const token = page.getByTestId("api-token");
  await expect(token).toHaveText(/^rad_\S{20,}$/);
  await page.getByRole("button", { name: "Go to the deployment" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/deployments\/[0-9a-f-]{36}$/);

  // The card number and CVC never left the browser: only brand, last 4 and expiry did.
  const sent = bodies.join("\n");
  expect(sent).not.toContain(CARD.replaceAll(" ", ""));
  expect(sent).not.toContain(CARD);
  expect(sent).not.toContain("4242424242424241");
  expect(sent).not.toMatch(/"cvc"|"number"|"expiry"/);
  expect(sent).toContain('"last4":"4242"');
  expect(await page.evaluate(() => localStorage.getItem("radium:deployment-draft:v1"))).toBeNull();

  // The timeline reaches active; the server's stored price is what the footer showed.
  const header = page.getByRole("heading", { level: 1 });
  await expect(header.locator('[data-status="active"]')).toBeVisible({ timeout: 45_000 });
  const timeline = page.getByTestId("timeline");
  for (const status of ["pending", "provisioning", "starting", "active"]) {
    await expect(timeline.locator(`[data-to="${status}"]`).first()).toBeVisible();
  }
  const band = page.getByTestId("cost-band");
  await expect(band).toContainText(footerHourly.replace("/hour", ""));
  for (const [label, shown] of Object.entries(footerMonthly)) {
    const figure = band.locator("div").filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
    await expect(figure).toHaveText(`${shown}/mo`);
  }
  await expect(page.getByTestId("endpoint-url")).toContainText("http");

  await page.getByRole("button", { name: "Pause" }).focus();
  await page.keyboard.press("Enter");
  await expect(header.locator('[data-status="paused"]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Resume" }).focus();
  await page.keyboard.press("Enter");
  await expect(header.locator('[data-status="active"]')).toBeVisible({ timeout: 30_000 });
  await expect(timeline.locator('[data-to="resuming"]').first()).toBeVisible();
  await expect.poll(() => timeline.locator('[data-to="active"]').count()).toBeGreaterThanOrEqual(2);

  await page.getByRole("button", { name: "Delete" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete endpoint" }).focus();
  await page.keyboard.press("Enter");
  await expect(header.locator('[data-status="deleted"]')).toBeVisible({ timeout: 30_000 });
  await expect(timeline.locator('[data-to="deleted"]').first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause" })).toHaveCount(0);
});

test("an invalid wizard shows each error where it belongs and focuses the first", async ({ page }) => {
  await signIn(page, uniqueUser("invalid"), "/deployments/new");
  await wizardReady(page);
  await typeInto(page, "Endpoint name", "Bad Name!");
  await openSection(page, "Scaling");
  await typeInto(page, "Min replicas", "3");
  await typeInto(page, "Max replicas", "2");
  await openSection(page, "Environment");
  await page.getByRole("button", { name: "Add variable" }).focus();
  await page.keyboard.press("Enter");
  await typeInto(page, "Variable 1 name", "lower case");
  // Close the sections again: submitting must open the ones with errors that need it.
  for (const title of ["Scaling", "Environment", "Foundation Model"]) {
    await page.getByRole("button", { name: new RegExp(`^${title}`) }).focus();
    await page.keyboard.press("Enter");
  }

  await page.getByTestId("cost-footer").getByRole("button", { name: "Deploy", exact: true }).focus();
  await page.keyboard.press("Enter");

  // The endpoint name leads the form: its error is shown under it and it takes the focus.
  await expect(page.locator("#f-name-error")).toHaveText(/^Use lowercase letters, digits and dashes/);
  await expect(page.getByLabel("Endpoint name")).toBeFocused();
  await expect(page.getByLabel("Endpoint name")).toHaveAttribute("aria-invalid", "true");
  // Each section with errors says how many in its header.
  await expect(page.getByTestId("section-errors-model")).toHaveText("1 error");
  await expect(page.getByTestId("section-errors-scaling")).toHaveText("1 error");
  await expect(page.getByTestId("section-errors-environment")).toHaveText("1 error");
  await expect(page.getByTestId("section-errors-hardware")).toHaveCount(0);
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // Fix the name: the next submit opens the first section with an error and focuses into it.
  await typeInto(page, "Endpoint name", "good-name");
  await page.getByTestId("cost-footer").getByRole("button", { name: "Deploy", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#f-modelId-error")).toHaveText("Choose a model to deploy.");
  await expect(page.getByRole("button", { name: /^Foundation Model/ })).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator('[data-section="model"] [role="radio"]:focus')).toHaveCount(1);

  await openSection(page, "Scaling");
  await expect(page.locator("#f-scaling-maxReplicas-error")).toHaveText("Max replicas must be at least min replicas (3).");
  await expect(page.getByLabel("Max replicas")).toHaveAttribute("aria-invalid", "true");
  await openSection(page, "Environment");
  await expect(page.locator("#f-environment-envVars-0-key-error")).toContainText("Use capital letters, digits and underscores");
  // Errors clear as they are fixed, and the header count follows.
  await typeInto(page, "Max replicas", "4");
  await expect(page.getByTestId("section-errors-scaling")).toHaveCount(0);
});
