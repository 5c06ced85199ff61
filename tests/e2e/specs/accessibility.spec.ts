import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// Keyboard and screen-reader basics: a skip link first, vote buttons named
// with the idea and its count, the bell naming its unread count.

test("the first Tab reaches a skip link that moves focus to the content", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.keyboard.press("Tab");
  const skip = page.locator("a.skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator("main#main")).toBeFocused();
});

test("vote buttons are named with the idea's title and count, in Korean too", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "ko-KR" })).newPage();
  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const card = page.locator(".idea-card").first();
  const title = (await card.locator(".idea-title").textContent())!.trim();
  const count = (await card.locator(".vote-count").textContent())!.trim();
  await expect(card.locator(".vote-button")).toHaveAccessibleName(`${count} 표 · ‘${title}’에 투표`);
});

test("the bell's name says how many notifications are unread", async ({ browser }) => {
  const base = process.env.BASE_URL ?? "";
  const page = await (await browser.newContext()).newPage();
  await signIn(page, "member17@customers.example");
  const follow = await page.request.put("/api/v1/ideas/24/follow", { headers: { origin: base } });
  expect(follow.status()).toBe(200);
  // Staff news on the followed idea gives the member something unread.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "sara.park@hanbit.example");
  const comment = await staff.request.post("/api/v1/ideas/24/comments", {
    headers: { origin: base },
    data: { body: `We are looking at this (${Date.now() % 100_000}).` },
  });
  expect(comment.status()).toBe(201);
  const list = await (await page.request.get("/api/v1/me/notifications")).json();
  const unread = Number(list.unread);
  expect(unread).toBeGreaterThan(0);
  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const bell = page.locator("a.nav-bell");
  await expect(bell).toHaveAccessibleName(`Notifications, ${unread} unread`);
  await expect(bell.locator(".unread-badge")).toHaveText(String(unread));
});
