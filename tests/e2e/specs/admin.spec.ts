import { test, expect } from "@playwright/test";
import { signIn, fillSecret } from "../support";

// An admin adds a department and invites a staff member into it; the
// invitee follows the e-mailed link (read from the outbox) and signs up.


test("an admin adds a department and invites a staff member who joins it", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@hanbit.example");
  await admin.goto("/admin");
  await expect(admin.locator("#app")).toHaveAttribute("data-hydrated", "true");

  const slug = `sales-${Date.now() % 100000}`;
  await admin.fill("#department-form #field-slug", "Bad Slug");
  await admin.fill("#department-form #field-name", "Sales");
  await admin.fill("#department-form #field-first_response_minutes", "20");
  await admin.click("#department-form button[type=submit]");
  await expect(admin.locator("#department-form #field-slug-error")).toHaveText("must be 2–40 lower-case letters, digits or dashes");
  await admin.fill("#department-form #field-slug", slug);
  await admin.click("#department-form button[type=submit]");
  await expect(admin.locator(`.admin-departments [data-department="${slug}"]`)).toContainText("Sales");

  const email = `new.agent.${Date.now()}@hanbit.example`;
  await admin.fill("#invite-staff-form #field-email", email);
  await admin.selectOption("#invite-role", "employee");
  await admin.selectOption("#invite-department", slug);
  await admin.fill("#invite-title", "Sales Advisor");
  await admin.click("#invite-staff-form button[type=submit]");
  await expect(admin.locator(".invited-email")).toHaveText(email);

  await admin.goto("/admin/outbox");
  const mail = admin.locator(".mail", { has: admin.locator(".mail-to", { hasText: email }) }).first();
  const body = (await mail.locator(".mail-body").textContent()) ?? "";
  const link = body.match(/https?:\/\/\S+\/invite\?token=[0-9a-f]{64}/)?.[0];
  expect(link).toBeTruthy();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link!);
  await expect(invitee.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await invitee.fill("#field-display_name", "Dahye Yoon");
  await fillSecret(invitee, "#field-password", "new agent password");
  await invitee.click("#invite-form button[type=submit]");
  await expect(invitee).toHaveURL(/\/me$/);
  await expect(invitee.locator(".profile-role")).toContainText("Employee");
  await expect(invitee.locator(".profile-role")).toContainText("Sales");
  await expect(invitee.locator(".profile-role")).toContainText("Sales Advisor");
});

test("a customer on the admin page is refused by the server", async ({ page }) => {
  await signIn(page, "customer@hanbit.example");
  await page.goto("/admin");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#invite-staff-form #field-email", "someone@example.com");
  await page.click("#invite-staff-form button[type=submit]");
  await expect(page.locator("#invite-staff-form .form-error")).toHaveText("This needs an admin account.");
});

test("an admin adds a product area that the new-idea form then offers", async ({ page }) => {
  await signIn(page, "admin@hanbit.example");
  await page.goto("/admin");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const slug = `area-${Date.now() % 100000}`;
  await page.fill("#category-slug", "Not A Slug");
  await page.fill("#category-name", "TV");
  await page.click("#category-form button[type=submit]");
  await expect(page.locator("#category-slug-error")).toHaveText("must be 2–40 lower-case letters, digits or dashes");
  await page.fill("#category-slug", slug);
  await page.fill("#category-name", "TV / 티비");
  await page.click("#category-form button[type=submit]");
  await expect(page.locator(`.admin-categories li[data-category="${slug}"]`)).toBeVisible();
  await page.goto("/ideas/new");
  await expect(page.locator(`#idea-category option[value="${slug}"]`)).toHaveText("TV / 티비");
});

test("an admin sets a remedy limit for one department", async ({ page }) => {
  await signIn(page, "admin@hanbit.example");
  await page.goto("/admin");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.selectOption("#limit-role", "employee");
  await page.selectOption("#limit-department", "billing");
  await page.fill("#limit-max", "lots");
  await page.click("#limit-form button[type=submit]");
  await expect(page.locator("#limit-max-error")).toHaveText("give an amount in won");
  await page.fill("#limit-max", "80,000");
  await page.fill("#limit-monthly", "200,000");
  await page.click("#limit-form button[type=submit]");
  const billing = page.locator(".admin-limits li", { hasText: "billing" });
  await expect(billing).toContainText("80,000");
  await expect(billing).toContainText("200,000");
});
