import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// The board's search box and filters, and following an idea.

test("searching the board in Korean, then narrowing by status", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#board-q", "로밍");
  await page.press("#board-q", "Enter");
  await expect(page).toHaveURL(/q=%EB%A1%9C%EB%B0%8D/);
  const titles = page.locator(".idea-list .idea-title");
  await expect(titles.filter({ hasText: "해외 로밍 하루 요금 상한" })).toBeVisible();
  await expect(titles.filter({ hasText: "Dark mode for the Hanbit app" })).toHaveCount(0);

  await page.fill("#board-q", "");
  await page.selectOption("#board-status", "done");
  await page.click(".board-filters button[type=submit]");
  await expect(page).toHaveURL(/status=done/);
  const badges = page.locator(".idea-list .idea-card .status");
  await expect(badges.first()).toBeVisible();
  const statuses = await badges.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["done"]));
  // The sort tabs keep the filter.
  await page.click('.tab[data-sort="top"]');
  await expect(page).toHaveURL(/sort=top.*status=done/);
});

test("a member follows or unfollows an idea and it stays that way", async ({ page }) => {
  await signIn(page, "member07@customers.example");
  await page.goto("/ideas/9");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const follow = page.locator(".follow-button");
  // Demo members may already follow (as commenters); toggle whichever it is.
  const was = (await follow.getAttribute("aria-pressed")) === "true";
  const before = Number(await follow.locator(".follower-count").textContent());
  await follow.click();
  await expect(follow).toHaveAttribute("aria-pressed", String(!was));
  await expect(follow.locator(".follower-count")).toHaveText(String(was ? before - 1 : before + 1));
  await page.reload();
  await expect(page.locator(".follow-button")).toHaveAttribute("aria-pressed", String(!was));
});
