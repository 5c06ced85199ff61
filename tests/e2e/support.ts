import { appendFileSync } from "node:fs";
import { expect, Page } from "@playwright/test";

/** Notes a password, token or private detail the suite sends, so that
 * run.sh can search every server log for it afterwards (check-logs.mjs).
 * Values shorter than 8 characters would match innocent words. */
export function secretUsed(value: string) {
  const file = process.env.MADANG_SECRETS_FILE;
  if (file && value.length >= 8) appendFileSync(file, JSON.stringify(value) + "\n");
}

/** Types a secret into a field, noting it first. */
export async function fillSecret(page: Page, selector: string, value: string) {
  secretUsed(value);
  await page.fill(selector, value);
}

/** Notes the page's session cookie (a bearer credential) as a secret. */
export async function noteSession(page: Page) {
  for (const cookie of await page.context().cookies()) {
    if (cookie.httpOnly) secretUsed(cookie.value);
  }
}

/** The password of every demo account. */
export const DEMO_PASSWORD = "madang-demo-2026";

/** Fills and submits the sign-in form (after hydration) without waiting
 * for where it leads: for tests of the form itself (errors, `next`). */
export async function submitSignIn(page: Page, email: string, password = DEMO_PASSWORD, path = "/signin") {
  await page.goto(path);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-email", email);
  await fillSecret(page, "#field-password", password);
  await page.click("#sign-in-form button[type=submit]");
}

/** Signs in through the real form and waits for the profile. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(/\/me$/);
  await noteSession(page);
  // A visitor's page posts the form to the server, which sends the browser
  // to the profile: a new page, which loads the whole app (client.rs).
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
}

/** A fresh, unique e-mail address, so tests never collide. */
export function freshEmail(name: string): string {
  return `${name}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.com`;
}

/** Signs up through the real form and waits for the new member's profile. */
export async function signUp(page: Page, displayName: string, email: string, password: string) {
  await page.goto("/signup");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-display_name", displayName);
  await page.fill("#field-email", email);
  await fillSecret(page, "#field-password", password);
  await page.check("#consent");
  await page.click("#sign-up-form button[type=submit]");
  // A new member lands on the board with a welcome, not on account settings.
  await expect(page).toHaveURL(/\/\?welcome=1$/);
  await expect(page.locator(".notice.welcome")).toBeVisible();
  await page.goto("/me");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
}
