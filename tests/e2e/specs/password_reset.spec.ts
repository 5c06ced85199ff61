import { test, expect } from "@playwright/test";
import { signIn, signUp, fillSecret, secretUsed } from "../support";

// A member forgets their password; without an SMTP server the link waits in
// the outbox, where an admin reads it; the member sets a new password.


test("reset a forgotten password through the e-mailed link", async ({ browser }) => {
  const email = `forgetful.${Date.now()}@example.com`;
  const member = await (await browser.newContext()).newPage();
  await signUp(member, "Forgetful Member", email, "first password here");
  await member.click("#sign-out");
  await expect(member).toHaveURL(/\/$/);

  await member.goto("/signin");
  await member.click("text=Forgot your password?");
  await expect(member).toHaveURL(/\/forgot$/);
  await expect(member.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await member.fill("#field-email", email);
  await member.click("#forgot-form button[type=submit]");
  await expect(member.locator(".notice")).toContainText("link is on its way");

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@hanbit.example");
  await admin.goto("/admin/outbox");
  const mail = admin.locator(".mail", { has: admin.locator(".mail-to", { hasText: email }) }).first();
  await expect(mail.locator(".mail-subject")).toHaveText("Reset your Madang password");
  const body = (await mail.locator(".mail-body").textContent()) ?? "";
  const link = body.match(/https?:\/\/\S+\/reset\?token=[0-9a-f]{64}/)?.[0];
  expect(link).toBeTruthy();
  // The one-time token goes to the server in the query: never into a log.
  secretUsed(link!.split("token=")[1]);

  await member.goto(link!);
  await expect(member.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await fillSecret(member, "#field-password", "short");
  await member.click("#reset-form button[type=submit]");
  await expect(member.locator("#field-password-error")).toHaveText("must be at least 10 characters");
  await fillSecret(member, "#field-password", "second password here");
  await member.click("#reset-form button[type=submit]");
  await expect(member).toHaveURL(/\/signin\?reset=1$/);
  await expect(member.locator(".notice")).toBeVisible();
  await signIn(member, email, "second password here");
  await expect(member.locator(".profile-email")).toHaveText(email);
});

test("customers cannot read the outbox", async ({ page }) => {
  await signIn(page, "customer@hanbit.example");
  await page.goto("/admin/outbox");
  await expect(page.locator(".error")).toContainText("needs an admin account");
  await expect(page.locator(".mail")).toHaveCount(0);
});
