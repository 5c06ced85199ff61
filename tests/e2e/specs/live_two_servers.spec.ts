import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// Two server processes share one PostgreSQL (tests/e2e/run.sh starts them
// when MADANG_TEST_POSTGRES_URL is set): A acts on one, B watches through
// the other, and sees the vote and the comment within a second.

const first = process.env.PG_URL_A;
const second = process.env.PG_URL_B;

test("browsers on two servers sharing PostgreSQL see each other within a second", async ({ browser }) => {
  test.skip(!first || !second, "needs MADANG_TEST_POSTGRES_URL (two instances on PostgreSQL)");
  const a = await (await browser.newContext({ baseURL: first })).newPage();
  await signIn(a, "member14@customers.example");
  const b = await (await browser.newContext({ baseURL: second })).newPage();
  await b.goto("/ideas/24");
  await expect(b.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await a.goto("/ideas/24");
  await expect(a.locator("#app")).toHaveAttribute("data-hydrated", "true");

  const count = Number((await b.locator(".idea-header .vote-count").first().textContent())?.trim());
  await b.waitForTimeout(300);
  const voted = await a.locator(".idea-header .vote-button").first().getAttribute("aria-pressed");
  await a.locator(".idea-header .vote-button").first().click();
  // A's vote is stored (A's own page shows it); from then on B has a second.
  await expect(a.locator(".idea-header .vote-button").first()).toHaveAttribute("aria-pressed", voted === "true" ? "false" : "true");
  const expected = voted === "true" ? count - 1 : count + 1;
  await expect(b.locator(".idea-header .vote-count").first()).toHaveText(String(expected), { timeout: 1_000 });

  const text = `Across servers ${Date.now() % 100_000}`;
  await a.fill("#comment-body", text);
  await a.click("#comment-form button[type=submit]");
  await expect(a.locator(".comment", { hasText: text })).toHaveCount(1);
  await expect(b.locator(".comment", { hasText: text })).toHaveCount(1, { timeout: 1_000 });
});
