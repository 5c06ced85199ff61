import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// A manager opens the dashboard, changes the range and sees the figures
// change; a customer is refused; the public scorecard renders signed out.

test("a manager changes the dashboard's range and the figures follow", async ({ page }) => {
  await signIn(page, "admin@hanbit.example");
  await page.goto("/dashboard");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator(".range-shown")).toBeVisible();
  const from30 = await page.locator(".range-shown").getAttribute("data-from");
  const days30 = await page.locator("#chart-ideas svg rect.bar").count();
  expect(days30).toBe(30);
  const ideas30 = Number(await page.locator("#chart-ideas").getAttribute("data-total"));
  expect(ideas30).toBeGreaterThan(0);
  expect(await page.locator(".departments-table tbody tr").count()).toBeGreaterThanOrEqual(5);
  await expect(page.locator("#chart-participation svg rect.bar").first()).toBeVisible();
  await page.locator("#chart-ideas .chart-table summary").click();
  await expect(page.locator("#chart-ideas .chart-table tbody tr")).toHaveCount(30);
  await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });

  // Seven days: fewer days, fewer (or equal) ideas, another start date.
  await page.click('.quick-ranges a[data-days="7"]');
  await expect(page.locator("#chart-ideas svg rect.bar")).toHaveCount(7);
  await expect(page.locator(".range-shown")).not.toHaveAttribute("data-from", from30 ?? "");
  const ideas7 = Number(await page.locator("#chart-ideas").getAttribute("data-total"));
  expect(ideas7).toBeLessThan(ideas30);

  // The date fields: a one-day range.
  const to = await page.locator(".range-shown").getAttribute("data-to");
  await page.fill("#range-from", to ?? "");
  await page.click(".range-picker button[type=submit]");
  await expect(page.locator("#chart-ideas svg rect.bar")).toHaveCount(1);

  // Every table downloads as CSV.
  const csv = await page.request.get(await page.locator("#chart-departments a.csv").getAttribute("href") ?? "");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('"department","target_minutes"');
});

test("customers cannot open the dashboard; anyone reads the scorecard", async ({ browser }) => {
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "member05@customers.example");
  await customer.goto("/dashboard");
  await expect(customer.locator(".error")).toContainText("admin");
  const api = await customer.request.get("/api/v1/dashboard");
  expect(api.status()).toBe(403);

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/");
  await visitor.click("footer .footer-scorecard");
  await expect(visitor).toHaveURL(/\/scorecard$/);
  await expect(visitor.locator(".scorecard-tiles .stat")).toHaveCount(4);
  await expect(visitor.locator(".scorecard-departments tbody tr").first()).toBeVisible();
  expect(await visitor.locator(".scorecard-departments tbody tr").count()).toBeGreaterThanOrEqual(5);
  await expect(visitor.locator(".tickets-resolved .stat-value")).toHaveText(/^\d+$/);
});
