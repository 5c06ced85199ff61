import { test, expect } from "@playwright/test";
import { signIn, signUp, submitSignIn, fillSecret, secretUsed } from "../support";

// A customer signs up, signs out, signs in again and sees their profile;
// a wrong password shows one clear message beside the form.

test("sign up, sign out, sign in, see the own profile", async ({ page }) => {
  const email = `jiwoo.${Date.now()}@example.com`;
  await page.goto("/signup");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-display_name", "Jiwoo Kim");
  await page.fill("#field-email", email);
  await fillSecret(page, "#field-password", "short");
  await page.check("#consent");
  await page.click("#sign-up-form button[type=submit]");
  await expect(page.locator("#field-password-error")).toHaveText("must be at least 10 characters");
  // Posted as a form (a visitor's page is server-rendered HTML): the error
  // comes back in the address.
  await expect(page).toHaveURL(/\/signup(\?__path=.*)?$/);

  await fillSecret(page, "#field-password", "correct horse battery");
  await page.click("#sign-up-form button[type=submit]");
  await expect(page).toHaveURL(/\/\?welcome=1$/);
  await expect(page.locator(".notice.welcome")).toBeVisible();
  await page.goto("/me");
  await expect(page.locator(".profile-name")).toHaveText("Jiwoo Kim");
  await expect(page.locator(".profile-email")).toHaveText(email);
  await expect(page.locator(".nav-me")).toContainText("Jiwoo Kim");
  await expect(page.locator(".session.current")).toHaveCount(1);

  await page.click("#sign-out");
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator(".nav-sign-in")).toBeVisible();
  await page.goto("/me");
  await expect(page.locator(".profile-name")).toHaveCount(0);

  // E-mail addresses match whatever their case.
  await signIn(page, email.toUpperCase(), "correct horse battery");
  await expect(page.locator(".profile-name")).toHaveText("Jiwoo Kim");
});

test("a wrong password shows the error beside the form", async ({ page }) => {
  await submitSignIn(page, "customer@hanbit.example", "not the password");
  await expect(page.locator("#sign-in-form .form-error")).toHaveText("The e-mail address or the password is not correct.");
  await expect(page).toHaveURL(/\/signin(\?__path=.*)?$/);
  await expect(page.locator(".nav-sign-in")).toBeVisible();
});

test("demo staff see their department and title on their profile", async ({ page }) => {
  await signIn(page, "billing@hanbit.example");
  await expect(page.locator(".profile-role")).toContainText("Billing");
  await expect(page.locator(".profile-role")).toContainText("Billing Specialist");
  await expect(page.locator(".avatar").first()).toHaveText("J.K.");
});

test("signed in as demo staff, their decisions carry the signed official badge", async ({ page }) => {
  await signIn(page, "billing@hanbit.example");
  await page.goto("/roadmap");
  await page.locator('.roadmap-column[data-status="done"] .idea-title a', { hasText: "Dark mode for the Hanbit app" }).click();
  await expect(page).toHaveURL(/\/ideas\/2$/);
  const entry = page.locator(".timeline-entry").first();
  await expect(entry.locator(".signature-name")).toHaveText("Jiho Kwon");
  await expect(entry.locator(".badge-official")).toBeVisible();
  await expect(entry.locator(".signature-initials")).toHaveText("J.K.");
  await expect(entry.locator(".signature-department")).toHaveText("Billing");
  await expect(entry.locator(".signature-title")).toHaveText("Billing Specialist");
  await expect(entry.locator(".timeline-text")).toContainText("Shipped in app version 5.2");
});

test("a member sees their public profile, downloads their data and deletes the account", async ({ page }) => {
  const email = `leaving.${Date.now()}@example.com`;
  await signUp(page, "Leaving Member", email, "leaving member pw");

  const exported = await page.request.get("/api/v1/me/export");
  expect(exported.status()).toBe(200);
  expect((await exported.json()).account.email).toBe(email);

  await page.click("text=View my public profile");
  await expect(page).toHaveURL(/\/members\/\d+$/);
  await expect(page.locator(".profile-name")).toHaveText("Leaving Member");
  await expect(page.locator(".stat.ideas-posted .stat-value")).toHaveText("0");
  await expect(page.locator("body")).not.toContainText(email);

  await page.goto("/me");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.click(".danger-zone summary");
  await fillSecret(page, "#delete-account-form #field-password", "wrong password!");
  await page.click("#delete-account-form button[type=submit]");
  await expect(page.locator("#delete-account-form #field-password-error")).toHaveText("is not your current password");
  await fillSecret(page, "#delete-account-form #field-password", "leaving member pw");
  await page.click("#delete-account-form button[type=submit]");
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.locator(".nav-sign-in")).toBeVisible();
  const login = await page.request.post("/api/v1/auth/login", { data: { email, password: "leaving member pw" } });
  expect(login.status()).toBe(401);
});

test("a member edits their initials and creates, uses and revokes an API token", async ({ page }) => {
  const email = `tokens.${Date.now()}@example.com`;
  await signUp(page, "Token Holder", email, "token holder pw");

  await page.click(".edit-profile summary");
  await page.fill("#profile-initials", "T.H.K.");
  await page.click("#profile-form button[type=submit]");
  await expect(page.locator("#profile-form .notice")).toBeVisible();
  await expect(page.locator(".nav-me .avatar")).toHaveText("T.H.K.");

  await page.fill("#create-token-form #field-name", "My CRM");
  await page.click("#create-token-form button[type=submit]");
  const secret = (await page.locator(".token-secret").textContent())?.trim() ?? "";
  secretUsed(secret);
  expect(secret).toMatch(/^mdg_[0-9a-f]{64}$/);
  await expect(page.locator(".token .token-name")).toHaveText("My CRM");
  const me = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}` } });
  expect((await me.json()).user.email).toBe(email);

  await page.click(".token button");
  await expect(page.locator(".token")).toHaveCount(0);
  const after = await page.request.get("/api/v1/me", { headers: { Authorization: `Bearer ${secret}`, Cookie: "" } });
  expect(after.status()).toBe(401);
});
