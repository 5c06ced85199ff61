import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// Two browsers on one idea: A votes and comments; B sees both within a
// second without reloading.

test("a vote and a comment appear in another browser within a second", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  await signIn(a, "member13@customers.example");
  const b = await (await browser.newContext()).newPage();
  await b.goto("/ideas/23");
  await expect(b.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await a.goto("/ideas/23");
  await expect(a.locator("#app")).toHaveAttribute("data-hydrated", "true");

  const count = async (page: typeof a) => Number((await page.locator(".idea-header .vote-count").first().textContent())?.trim());
  const before = await count(b);
  // Give B's event stream a moment to open before A acts.
  await b.waitForTimeout(300);
  const voted = await a.locator(".idea-header .vote-button").first().getAttribute("aria-pressed");
  await a.locator(".idea-header .vote-button").first().click();
  // A's vote is stored (A's own page shows it); from then on B has a second.
  await expect(a.locator(".idea-header .vote-button").first()).toHaveAttribute("aria-pressed", voted === "true" ? "false" : "true");
  const expected = voted === "true" ? before - 1 : before + 1;
  await expect(b.locator(".idea-header .vote-count").first()).toHaveText(String(expected), { timeout: 1_000 });

  const text = `Live from browser A ${Date.now() % 100_000}`;
  await a.fill("#comment-body", text);
  await a.click("#comment-form button[type=submit]");
  await expect(a.locator(".comment", { hasText: text })).toHaveCount(1);
  await expect(b.locator(".comment", { hasText: text })).toHaveCount(1, { timeout: 1_000 });
});

test("a half-written comment survives a live update of the page", async ({ browser }) => {
  const base = process.env.BASE_URL ?? "";
  const a = await (await browser.newContext()).newPage();
  await signIn(a, "member16@customers.example");
  await a.goto("/ideas/24");
  await expect(a.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await a.waitForTimeout(300);
  const draft = `Still typing this thought ${Date.now() % 100_000}`;
  await a.fill("#comment-body", draft);

  // Somebody else comments: A's page shows it in place…
  const b = await (await browser.newContext()).newPage();
  await signIn(b, "member17@customers.example");
  const other = `Meanwhile from B ${Date.now() % 100_000}`;
  const posted = await b.request.post("/api/v1/ideas/24/comments", { headers: { origin: base }, data: { body: other } });
  expect(posted.status()).toBe(201);
  await expect(a.locator(".comment", { hasText: other })).toHaveCount(1);
  // …and A's draft is still there, and is sent as typed.
  await expect(a.locator("#comment-body")).toHaveValue(draft);
  await a.click("#comment-form button[type=submit]");
  await expect(a.locator(".comment", { hasText: draft })).toHaveCount(1);
  await expect(a.locator("#comment-body")).toHaveValue("");
});

test("the bell counts a follower's new notification live, and the centre lists it", async ({ browser }) => {
  const base = process.env.BASE_URL ?? "";
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "member15@customers.example");
  const follow = await customer.request.put("/api/v1/ideas/26/follow", { headers: { origin: base } });
  expect(follow.status()).toBe(200);
  await customer.goto("/");
  await expect(customer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await customer.waitForTimeout(300);
  const badge = customer.locator(".nav-bell .unread-badge");
  const before = (await badge.count()) > 0 ? Number(await badge.textContent()) : 0;

  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "sara.park@hanbit.example");
  const explanation = `Reviewed by the team on ${Date.now() % 100_000}`;
  const status = await staff.request.put("/api/v1/ideas/26/status", {
    headers: { origin: base },
    data: { status: "under_review", explanation },
  });
  expect(status.status()).toBe(200);

  await expect(customer.locator(".nav-bell .unread-badge")).toHaveText(String(before + 1));
  await customer.click(".nav-bell");
  await expect(customer).toHaveURL(/\/notifications$/);
  await expect(customer.locator(".notification.unread").first()).toContainText(explanation);
  await customer.click("button.mark-read");
  await expect(customer.locator(".notification.unread")).toHaveCount(0);
});
