import { test, expect } from "@playwright/test";
import { DEMO_PASSWORD, signIn, submitSignIn, fillSecret } from "../support";

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
  await expect(page).toHaveURL(/\/signin\?next=(\/|%2F)ideas(\/|%2F)7&vote=7$/);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-email", email);
  await fillSecret(page, "#field-password", "voter password");
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
  await expect(page).toHaveURL(/\/signin\?next=(\/|%2F)ideas(\/|%2F)6&follow=6$/);
  await page.locator("a.create-account").click();
  await expect(page).toHaveURL(/\/signup\?next=(\/|%2F)ideas(\/|%2F)6&follow=6$/);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.locator("a.sign-in-instead").click();
  await expect(page).toHaveURL(/\/signin\?next=(\/|%2F)ideas(\/|%2F)6&follow=6$/);
  await submitSignIn(page, "member16@customers.example", DEMO_PASSWORD, page.url().replace(/^https?:\/\/[^/]+/, ""));
  await expect(page).toHaveURL(/\/ideas\/6$/);
  await expect(page.locator(".idea-page .follow-button")).toHaveAttribute("aria-pressed", "true");
});

test("a vote clicked just before leaving the page still counts", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "member23@customers.example");
  await page.goto("/ideas/9");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const button = page.locator(".idea-page .vote-button");
  const wanted = (await button.getAttribute("aria-pressed")) !== "true";
  // The page's own request never gets an answer (as when the browser
  // cancels it on leaving); only what is sent as the page goes can count.
  let held = 0;
  await page.route("**/rpc/set_vote*", async (route) => {
    if (held++ === 0) return; // the page's request: held, never answered
    await route.continue();
  });
  await button.click();
  await expect.poll(() => held).toBe(1);
  await page.goto("about:blank");
  await expect
    .poll(async () => {
      const idea = await (await context.request.get("/api/v1/ideas/9")).json();
      return idea.voted;
    })
    .toBe(wanted);
  await context.close();
});
