import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// The whole loop of the idea board, as customers and an employee live it:
// A posts an idea; B types a similar Korean title, is shown A's idea and
// votes for it instead of posting a duplicate; an employee moves it to
// Planned with a signed explanation; A sees the explanation and the idea on
// the roadmap; an announcement linking it appears in the Atom feed.

test("posted, found instead of duplicated, decided, announced", async ({ browser }) => {
  const stamp = String(Date.now() % 1_000_000);
  const title = `심야 시간에도 채팅 상담을 열어 주세요 ${stamp}`;

  // Customer A posts the idea.
  const a = await (await browser.newContext()).newPage();
  await signIn(a, "member05@customers.example");
  await a.goto("/ideas/new");
  await expect(a.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await a.fill("#idea-title", title);
  await a.fill("#idea-body", "밤 11시 이후에는 **상담원 연결**이 안 됩니다. 채팅이라도 열어 주세요.");
  await a.click("#new-idea-form button[type=submit]");
  await expect(a).toHaveURL(/\/ideas\/\d+$/);
  const number = Number(new URL(a.url()).pathname.split("/").pop());
  await expect(a.locator(".idea-page-title")).toHaveText(title);

  // Customer B starts typing a similar title, in other words.
  const b = await (await browser.newContext()).newPage();
  await signIn(b, "member06@customers.example");
  await b.goto("/ideas/new");
  await expect(b.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await b.locator("#idea-title").pressSequentially("심야에 채팅상담 되나요", { delay: 40 });
  const suggestion = b.locator(`#similar-ideas .similar-idea[data-idea="${number}"]`);
  await expect(suggestion).toBeVisible();
  await expect(suggestion.locator("a")).toHaveText(title);
  const vote = suggestion.locator(".vote-button");
  await expect(vote).toHaveAttribute("aria-pressed", "false");
  // The button shows the vote at once and stores it in the background:
  // leaving the page before the server has answered could cancel it.
  const stored = b.waitForResponse((r) => r.url().includes("/rpc/set_vote") && r.ok());
  await vote.click();
  await expect(vote).toHaveAttribute("aria-pressed", "true");
  await expect(vote.locator(".vote-count")).toHaveText("1");
  await stored;
  // B voted instead of posting: the vote is stored.
  await b.goto(`/ideas/${number}`);
  await expect(b.locator(".idea-header .vote-button")).toHaveAttribute("aria-pressed", "true");
  await expect(b.locator(".idea-header .vote-count")).toHaveText("1");

  // An employee (Customer Care) moves it to Planned, with an explanation.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "sara.park@hanbit.example");
  await staff.goto(`/ideas/${number}`);
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await staff.click(".status-decision summary");
  await staff.selectOption("#decision-status", "planned");
  const explanation = "다음 달부터 밤 11시~새벽 2시 채팅 상담을 시범 운영합니다.";
  await staff.fill("#decision-explanation", explanation);
  await staff.click("#decision-form button[type=submit]");
  await expect(staff.locator(".timeline-entry").last().locator(".timeline-text")).toContainText("시범 운영");

  // A sees the signed explanation, and the idea on the roadmap.
  await a.goto(`/ideas/${number}`);
  const entry = a.locator('.timeline-entry[data-kind="status_changed"]').last();
  await expect(entry.locator(".timeline-text")).toContainText(explanation);
  await expect(entry.locator(".signature-name")).toHaveText("Sara Park");
  await expect(entry.locator("[data-status]")).toHaveAttribute("data-status", "planned");
  await a.goto("/roadmap");
  await expect(a.locator('.roadmap-column[data-status="planned"] .idea-title', { hasText: title })).toBeVisible();

  // The employee announces it; the post links the idea and is in the feed.
  const headline = `심야 채팅 상담 시범 운영 안내 ${stamp}`;
  await staff.goto("/announcements");
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await staff.click(".publish summary");
  await staff.fill("#announcement-title", headline);
  await staff.fill("#announcement-body", "You asked, we did: **late-night chat** starts next month.");
  await staff.fill("#announcement-ideas", `#${number}`);
  await staff.click("#announcement-form button[type=submit]");
  await expect(staff).toHaveURL(/\/announcements\/\d+$/);
  await expect(staff.locator(".announcement-title")).toHaveText(headline);
  await expect(staff.locator(`.delivered li[data-idea="${number}"]`)).toBeVisible();

  const feed = await a.request.get("/feeds/announcements.atom");
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain(`<title>${headline}</title>`);
  await a.goto(`/ideas/${number}`);
  await expect(a.locator('.timeline-entry[data-kind="announcement"] .timeline-action a')).toHaveText(headline);
});
