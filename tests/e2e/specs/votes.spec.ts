import { test, expect } from "@playwright/test";
import { DEMO_PASSWORD, signIn, submitSignIn } from "../support";

const origin = () => new URL(process.env.BASE_URL ?? "http://127.0.0.1:3000").origin;

// A visitor who is not signed in clicks vote: they sign in and the vote is
// applied; the count then toggles in place and survives a reload.

test("a signed-out visitor's vote is applied after signing in", async ({ browser }) => {
  const email = `voter.${Date.now()}@example.com`;
  const setup = await browser.newContext();
  const created = await setup.request.post("/api/v1/auth/signup", {
    data: { email, password: "voter password", display_name: "Voting Visitor" },
  });
  expect(created.status()).toBe(201);
  await setup.close();

  const page = await (await browser.newContext()).newPage();
  await page.goto("/ideas/7");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const button = page.locator(".idea-page .vote-button");
  const before = Number(await button.locator(".vote-count").textContent());
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await button.click();
  await expect(page).toHaveURL(/\/signin\?next=\/ideas\/7&vote=7$/);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-email", email);
  await page.fill("#field-password", "voter password");
  await page.click("#sign-in-form button[type=submit]");
  await expect(page).toHaveURL(/\/ideas\/7$/);
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button.locator(".vote-count")).toHaveText(String(before + 1));

  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(button.locator(".vote-count")).toHaveText(String(before));
  await button.click();
  await expect(button.locator(".vote-count")).toHaveText(String(before + 1));
  await page.reload();
  await expect(page.locator(".idea-page .vote-button")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".idea-page .vote-button .vote-count")).toHaveText(String(before + 1));
});

test("votes on the board change the count in place", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "moderator@hanbit.example");
  await page.goto("/?sort=new");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const card = page.locator(".idea-card").first();
  const button = card.locator(".vote-button");
  const pressed = (await button.getAttribute("aria-pressed")) === "true";
  const before = Number(await button.locator(".vote-count").textContent());
  await page.evaluate(() => ((window as any).__sameDocument = true));
  await button.click();
  await expect(button.locator(".vote-count")).toHaveText(String(pressed ? before - 1 : before + 1));
  await expect(button).toHaveAttribute("aria-pressed", String(!pressed));
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
  await context.close();
});

test("a visitor who votes and then creates an account comes back with the vote counted", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "ko-KR" })).newPage();
  await page.goto("/ideas/5");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const button = page.locator(".idea-page .vote-button");
  const before = Number(await button.locator(".vote-count").textContent());
  await button.click();
  await expect(page).toHaveURL(/\/signin\?next=\/ideas\/5&vote=5$/);
  // "Create an account" keeps what the visitor was doing.
  await page.locator("a.create-account").click();
  await expect(page).toHaveURL(/\/signup\?next=\/ideas\/5&vote=5$/);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-display_name", "새 회원");
  await page.fill("#field-email", `newvoter.${Date.now() % 1_000_000}@example.com`);
  await page.fill("#field-password", "short");
  // The consent is asked for, in Korean; the server refuses without it
  // (even when the browser's own check is bypassed).
  await expect(page.locator("fieldset.consent legend")).toHaveText("개인정보 수집·이용 동의");
  await page.locator("#consent").evaluate((box) => box.removeAttribute("required"));
  await page.click("#sign-up-form button[type=submit]");
  await expect(page.locator("#consent-error")).toHaveText("계정을 만들려면 개인정보 수집·이용에 동의해 주세요");
  await page.check("#consent");
  await page.click("#sign-up-form button[type=submit]");
  // The error is Korean, beside its field, and nothing is lost.
  await expect(page.locator("#field-password-error")).toHaveText("10자 이상이어야 합니다");
  await page.fill("#field-password", "new voter password");
  await page.click("#sign-up-form button[type=submit]");
  await expect(page).toHaveURL(/\/ideas\/5\?welcome=1$/);
  await expect(page.locator(".notice.welcome")).toContainText("환영합니다");
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button.locator(".vote-count")).toHaveText(String(before + 1));
});

test("a visitor who follows and then signs in follows the idea", async ({ browser }) => {
  // Sign-ups are rate-limited per address and the suite makes many, so this
  // one signs in; the link from sign-up back to sign-in keeps the action.
  const context = await browser.newContext();
  const login = await context.request.post("/api/v1/auth/login", {
    data: { email: "member16@customers.example", password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const unfollow = await context.request.delete("/api/v1/ideas/6/follow", { headers: { origin: origin() } });
  expect(unfollow.status()).toBe(200);
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto("/ideas/6");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.locator(".idea-page .follow-button").click();
  await expect(page).toHaveURL(/\/signin\?next=\/ideas\/6&follow=6$/);
  await page.locator("a.create-account").click();
  await expect(page).toHaveURL(/\/signup\?next=\/ideas\/6&follow=6$/);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.locator("a.sign-in-instead").click();
  await expect(page).toHaveURL(/\/signin\?next=\/ideas\/6&follow=6$/);
  await submitSignIn(page, "member16@customers.example", DEMO_PASSWORD, page.url().replace(/^https?:\/\/[^/]+/, ""));
  await expect(page).toHaveURL(/\/ideas\/6$/);
  await expect(page.locator(".idea-page .follow-button")).toHaveAttribute("aria-pressed", "true");
});
