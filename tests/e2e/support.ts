import { expect, Page } from "@playwright/test";

/** The password of every demo account. */
export const DEMO_PASSWORD = "madang-demo-2026";

/** Signs in through the real form (after hydration) and waits for the profile. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-email", email);
  await page.fill("#field-password", password);
  await page.click("#sign-in-form button[type=submit]");
  await expect(page).toHaveURL(/\/me$/);
}
