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
