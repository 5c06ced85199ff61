import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// A member reports a comment with a home address (address numbers are refused
// at the door; an address is not recognised); a moderator hides it with
// the reason; the public page shows the tombstone; the audit log shows the
// action.

test("a reported home address is hidden with a public reason and audited", async ({ browser }) => {
  const address = `${Date.now() % 10_000} Teheran-ro, Gangnam-gu`;

  const writer = await (await browser.newContext()).newPage();
  await signIn(writer, "member09@customers.example");
  await writer.goto("/ideas/6");
  await expect(writer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await writer.fill("#comment-body", `Bring it to my home: ${address}`);
  await writer.click("#comment-form button[type=submit]");
  const comment = writer.locator(".comment", { hasText: address });
  await expect(comment).toHaveCount(1);
  const id = await comment.getAttribute("data-comment");

  const reporter = await (await browser.newContext()).newPage();
  await signIn(reporter, "member10@customers.example");
  await reporter.goto("/ideas/6");
  await expect(reporter.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const reported = reporter.locator(`.comment[data-comment="${id}"]`);
  await reported.locator(".report summary").click();
  await reported.locator('.report select[name="reason"]').selectOption("personal_information");
  await reported.locator('.report input[name="note"]').fill("a home address");
  await reported.locator(".report button[type=submit]").click();
  await expect(reported.locator(".report .notice")).toBeVisible();

  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, "moderator@hanbit.example");
  await moderator.goto("/moderation");
  await expect(moderator.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const item = moderator.locator(`.report-item[data-target="comment:${id}"]`);
  await expect(item.locator(".report-excerpt")).toContainText(address);
  await expect(item.locator(".report-note")).toContainText("a home address");
  await item.locator("select[name=\"guideline\"]").selectOption("4");
  await item.locator("button.hide").click();
  await expect(moderator.locator(`.report-item[data-target="comment:${id}"]`)).toHaveCount(0);

  // Anyone now sees the tombstone with its reason, not the number.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/ideas/6");
  const tombstone = visitor.locator(`.comment[data-comment="${id}"] .hidden-by-moderator`);
  await expect(tombstone).toContainText("Hidden by a moderator");
  await expect(tombstone.locator(".hidden-reason")).toHaveText("personal information — guideline 4");
  expect(await visitor.content()).not.toContain(address);

  await moderator.goto("/moderation/audit");
  const row = moderator.locator('.audit-table tr[data-action="content.hidden"]').first();
  await expect(row).toContainText(`comment ${id}`);
  await expect(row).toContainText("Yuna Kang");
});

test("a moderator merges a duplicate idea and undoes it", async ({ page }) => {
  await signIn(page, "moderator@hanbit.example");
  await page.goto("/ideas/13");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const source = Number(await page.locator(".idea-header .vote-count").textContent());
  await page.goto("/ideas/12");
  const target = Number(await page.locator(".idea-header .vote-count").textContent());
  await page.goto("/ideas/13");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.click(".merge summary");
  await page.fill("#merge-into", "13");
  await page.click("#merge-form button[type=submit]");
  await expect(page.locator("#merge-form .field-error")).toHaveText("an idea cannot be merged into itself");
  await page.fill("#merge-into", "12");
  await page.click("#merge-form button[type=submit]");
  await expect(page).toHaveURL(/\/ideas\/12$/);
  const merged = Number(await page.locator(".idea-header .vote-count").textContent());
  expect(merged).toBeGreaterThanOrEqual(target);
  expect(merged).toBeLessThanOrEqual(target + source);

  await page.goto("/ideas/13");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator(".notice a")).toHaveText("#12");
  await page.click("button.unmerge");
  await expect(page.locator("button.unmerge")).toHaveCount(0);
  await page.goto("/ideas/12");
  await expect(page.locator(".idea-header .vote-count")).toHaveText(String(target));
});
