import { test, expect } from "@playwright/test";
import { signIn } from "../support";
import type { Page } from "@playwright/test";

/** Opens the moderators' panel unless a re-render left it open. */
async function openCuration(page: Page) {
  const panel = page.locator("#curation");
  if ((await panel.getAttribute("open")) === null) {
    await panel.locator("> summary").click();
  }
}

// Moderators correct, lock and feature an idea; each step is public and
// cites a guideline. A comment with a listed word waits for review instead
// of vanishing, and a moderator publishes it.

test("a moderator corrects, locks and features an idea, all in public", async ({ browser }) => {
  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, "moderator@hanbit.example");
  await moderator.goto("/ideas/21");
  await expect(moderator.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const oldTitle = (await moderator.locator("h1.idea-page-title").textContent())?.trim() ?? "";
  const newTitle = `Corrected title ${Date.now() % 100_000}`;

  await openCuration(moderator);
  await moderator.fill("#edit-title", "ab");
  await moderator.click("#edit-idea-form button[type=submit]");
  await expect(moderator.locator("#edit-idea-form .field-error").first()).toContainText("characters");
  await moderator.fill("#edit-title", newTitle);
  await moderator.fill("#edit-reason", "a clearer title for everyone");
  await moderator.selectOption("#edit-guideline", "3");
  await moderator.click("#edit-idea-form button[type=submit]");
  await expect(moderator.locator("h1.idea-page-title")).toHaveText(newTitle);
  const edit = moderator.locator('.timeline-entry[data-kind="edited"]').last();
  await expect(edit).toContainText(oldTitle);
  await expect(edit).toContainText("guideline 3");
  await expect(edit).toContainText("Yuna Kang");

  await openCuration(moderator);
  await moderator.fill("#lock-reason", "Answered in the timeline; follow for news");
  await moderator.selectOption("#lock-guideline", "7");
  await moderator.click("#lock-form button[type=submit]");
  await expect(moderator.locator(".notice.locked .locked-reason")).toHaveText("Answered in the timeline; follow for news");
  await openCuration(moderator);
  await moderator.click("#curation button.pin");
  await expect(moderator.locator(".badge.featured")).toBeVisible();

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "member11@customers.example");
  await customer.goto("/ideas/21");
  await expect(customer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await expect(customer.locator(".notice.locked")).toContainText("follow for news");
  await expect(customer.locator("#comment-form")).toHaveCount(0);
  await expect(customer.locator(".locked-note")).toBeVisible();
  await expect(customer.locator("#curation")).toHaveCount(0);
  await customer.goto("/");
  await expect(customer.locator(".featured")).toContainText(newTitle);

  // Undo for the other stories: unlock and stop featuring.
  await openCuration(moderator);
  await moderator.click("#curation button.unlock");
  await expect(moderator.locator(".notice.locked")).toHaveCount(0);
  await openCuration(moderator);
  await moderator.click("#curation button.pin");
  await expect(moderator.locator(".badge.featured")).toHaveCount(0);
  await expect(moderator.locator('.timeline-entry[data-kind="unlocked"]')).toHaveCount(1);
});

test("a comment with a listed word waits for review and a moderator publishes it", async ({ browser }) => {
  const text = `바카라 사이트 알려드려요 ${Date.now() % 100_000}`;
  const writer = await (await browser.newContext()).newPage();
  await signIn(writer, "member12@customers.example");
  await writer.goto("/ideas/22");
  await expect(writer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await writer.fill("#comment-body", text);
  await writer.click("#comment-form button[type=submit]");
  const own = writer.locator(".comment", { hasText: text });
  await expect(own.locator(".notice.held")).toBeVisible();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/ideas/22");
  await expect(visitor.locator("h1.idea-page-title")).toBeVisible();
  expect(await visitor.content()).not.toContain(text);

  const moderator = await (await browser.newContext()).newPage();
  await signIn(moderator, "moderator@hanbit.example");
  await moderator.goto("/moderation");
  await expect(moderator.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const held = moderator.locator(".held-item", { hasText: text });
  await expect(held.locator(".held-words")).toHaveText("바카라");
  await held.locator("button.release").click();
  await expect(moderator.locator(".held-item", { hasText: text })).toHaveCount(0);

  await visitor.reload();
  await expect(visitor.locator(".comment", { hasText: text })).toHaveCount(1);
  await expect(visitor.locator(".comment", { hasText: text }).locator(".notice.held")).toHaveCount(0);
});
