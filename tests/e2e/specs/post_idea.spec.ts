import { test, expect } from "@playwright/test";
import { submitSignIn, fillSecret } from "../support";

// A customer posts an idea: field errors appear beside the fields, then the
// idea opens on its own page and leads the "new" list.

test("a customer posts an idea with clear field errors first", async ({ page }) => {
  await submitSignIn(page, "customer@hanbit.example", undefined, "/signin?next=/ideas/new");
  await expect(page).toHaveURL(/\/ideas\/new$/);

  await page.fill("#idea-title", "Hi");
  await page.fill("#idea-body", "   ");
  await page.click("#new-idea-form button[type=submit]");
  await expect(page.locator("#idea-title-error")).toHaveText("must be 5–120 characters");
  await expect(page.locator("#idea-body-error")).toHaveText("must describe the idea");

  const title = `공유기 자동 업데이트 알림 ${Date.now() % 1_000_000}`;
  await page.fill("#idea-title", title);
  await page.fill("#idea-body", "펌웨어 업데이트가 있으면 **앱으로 알려** 주세요.");
  await page.selectOption("#idea-category", "home-internet");
  await page.fill("#idea-tags", "router, Firmware");
  await page.click("#new-idea-form button[type=submit]");
  await expect(page).toHaveURL(/\/ideas\/\d+$/);
  await expect(page.locator(".idea-page-title")).toHaveText(title);
  await expect(page.locator(".idea-body strong")).toHaveText("앱으로 알려");
  await expect(page.locator(".idea-page .tag")).toHaveText(["#firmware", "#router"]);
  await expect(page.locator(".idea-page [data-status]").first()).toHaveAttribute("data-status", "new");

  await page.goto("/?sort=new");
  await expect(page.locator(".idea-card .idea-title").first()).toHaveText(title);
});

test("a member comments on an idea, edits it and deletes it, leaving a tombstone", async ({ page }) => {
  await page.goto("/ideas/4");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator(".comments .aside a")).toHaveText("Sign in to comment.");
  await page.click(".comments .aside a");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.fill("#field-email", "moderator@hanbit.example");
  await fillSecret(page, "#field-password", "madang-demo-2026");
  await page.click("#sign-in-form button[type=submit]");
  await expect(page).toHaveURL(/\/ideas\/4$/);
  // Signed in, the page loads the whole app (client.rs); the delete
  // button below works only once it has.
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");

  const text = `앱 신청 기능 기대됩니다 ${Date.now() % 1_000_000}`;
  await page.click("#comment-form button[type=submit]");
  await expect(page.locator("#comment-body-error")).toHaveText("must not be empty");
  await page.fill("#comment-body", text);
  await page.click("#comment-form button[type=submit]");
  const mine = page.locator(".comment", { hasText: text });
  await expect(mine).toHaveCount(1);
  await expect(mine.locator(".signature-name")).toHaveText("Yuna Kang");
  await expect(mine).toHaveClass(/official/);
  // Within 15 minutes the author may edit it; it is then marked edited.
  await mine.locator(".edit-comment summary").click();
  const edited = `${text} (수정)`;
  await mine.locator(".edit-comment textarea").fill(edited);
  await mine.locator(".edit-comment button[type=submit]").click();
  const changed = page.locator(".comment", { hasText: edited });
  await expect(changed.locator(".edited")).toBeVisible();
  await changed.locator(".delete-comment").click();
  await expect(page.locator(".comment", { hasText: edited })).toHaveCount(0);
  await expect(page.locator(".tombstone").last()).toBeVisible();
});
