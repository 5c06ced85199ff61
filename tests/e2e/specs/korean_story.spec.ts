import { test, expect } from "@playwright/test";
import { DEMO_PASSWORD, fillSecret } from "../support";

// Issue 16's story: a Korean visitor on a phone in Seoul searches with a
// particle, finds the idea and a related ticket, votes, creates an account
// (consent, confirmation link from the outbox), comes back with the vote
// counted, files a ticket and sees it filed "방금 전". Every error on the
// way is Korean, beside its field.

test("a Korean visitor on a phone finds, votes, joins, confirms and asks", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "ko-KR",
    timezoneId: "Asia/Seoul",
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  // Fits the phone: nothing wider than the screen, sort tabs on one line.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  for (const tab of await page.locator(".tabs .tab").all()) {
    const box = await tab.boundingBox();
    expect(box!.height).toBeLessThan(40);
  }

  // One search box: "요금제를" finds the idea and a ticket about plans.
  await page.locator(".header-search input").fill("요금제를");
  await page.locator(".header-search input").press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const idea = page.locator('.search-group[data-kind="idea"] .search-hit-title', { hasText: "요금제 비교 계산기" });
  await expect(idea).toBeVisible();
  await expect(
    page.locator('.search-group[data-kind="ticket"] .search-hit-title', { hasText: "매장 직원이 요금제를 강요했어요" }),
  ).toBeVisible();
  await expect(page.locator(".search-hit mark").first()).toHaveText("요금제");

  // Vote as a visitor: sign-in, then "create account" keeps the vote.
  await idea.click();
  await expect(page).toHaveURL(/\/ideas\/\d+$/);
  const number = page.url().match(/\/ideas\/(\d+)$/)![1];
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const button = page.locator(".idea-page .vote-button");
  const before = Number(await button.locator(".vote-count").textContent());
  await button.click();
  await expect(page).toHaveURL(new RegExp(`/signin\\?next=(/|%2F)ideas(/|%2F)${number}&vote=${number}$`));
  await page.locator("a.create-account").click();
  await expect(page).toHaveURL(new RegExp(`/signup\\?next=(/|%2F)ideas(/|%2F)${number}&vote=${number}$`));
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");

  const email = `newvoter.${Date.now() % 1_000_000}@example.com`;
  await page.fill("#field-display_name", "김지우");
  await page.fill("#field-email", email);
  await fillSecret(page, "#field-password", "short");
  // The consent is asked for, in Korean; the server refuses without it
  // (even when the browser's own check is bypassed).
  await expect(page.locator("fieldset.consent legend")).toHaveText("개인정보 수집·이용 동의");
  await expect(page.locator(".consent-text")).toContainText("보유 기간");
  await page.locator("#consent").evaluate((box) => box.removeAttribute("required"));
  await page.click("#sign-up-form button[type=submit]");
  await expect(page.locator("#consent-error")).toHaveText("계정을 만들려면 개인정보 수집·이용에 동의해 주세요");
  await page.check("#consent");
  await page.click("#sign-up-form button[type=submit]");
  await expect(page.locator("#field-password-error")).toHaveText("10자 이상이어야 합니다");
  await fillSecret(page, "#field-password", "new voter password");
  await page.click("#sign-up-form button[type=submit]");
  await expect(page).toHaveURL(new RegExp(`/ideas/${number}\\?welcome=1$`));
  await expect(page.locator(".notice.welcome")).toContainText("환영합니다");
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button.locator(".vote-count")).toHaveText(String(before + 1));

  // The confirmation link, from the outbox (no SMTP server here).
  const admin = await browser.newContext();
  const login = await admin.request.post("/api/v1/auth/login", {
    data: { email: "admin@hanbit.example", password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const outbox = await (await admin.request.get("/api/v1/admin/outbox")).json();
  const mail = outbox.items.find((m: any) => m.to === email && m.body.includes("/verify?token="));
  expect(mail).toBeTruthy();
  expect(mail.subject).toBe("마당 이메일 주소 확인");
  const link = new URL(mail.body.match(/https?:\/\/\S+\/verify\?token=[0-9a-f]+/)[0]);
  await admin.close();
  await page.goto(link.pathname + link.search);
  await expect(page.locator(".notice.verified")).toHaveText("감사합니다. 이메일 주소가 확인되었습니다.");
  await page.goto("/me");
  await expect(page.locator(".profile-name")).toHaveText("김지우");
  await expect(page.locator(".notice.unconfirmed")).toHaveCount(0);

  // A ticket filed now reads "방금 전" in Seoul time.
  await page.goto("/tickets/new");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  // While the title is typed, the same problem asked by others is offered.
  await page.locator("#ticket-title").fill("매장 직원이 요금제를");
  await expect(page.locator("#similar-tickets h2")).toHaveText("같은 문제가 있나요?");
  await expect(page.locator("#similar-tickets a", { hasText: "매장 직원이 요금제를 강요했어요" })).toBeVisible();
  await page.locator("#ticket-title").fill("요금제 변경 후 요금이 두 번 나왔어요");
  await page.locator("#ticket-body").fill("이번 달 요금제를 바꿨는데 요금이 두 번 청구되었습니다.");
  await page.locator("#ticket-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/tickets\/VOC-/);
  const filed = page.locator(".ticket-page header time").first();
  await expect(filed).toHaveText("방금 전");
  await expect(filed).toHaveAttribute("title", /\(UTC\+9\)$/);
  await context.close();
});

test("a search that finds nothing offers the next steps", async ({ browser }) => {
  const page = await (await browser.newContext({ locale: "ko-KR" })).newPage();
  await page.goto("/search?q=%EC%9A%B0%EC%A3%BC%EC%84%A0%EC%A0%9C%EB%B2%95%EC%97%86%EC%9D%8C");
  await expect(page.locator(".search-empty")).toContainText("결과가 없습니다");
  await expect(page.locator('.search-empty a[href="/ideas/new"]')).toHaveText("아이디어 올리기");
  await expect(page.locator('.search-empty a[href="/tickets/new"]')).toHaveText("문의하기");
  // A query with nothing to look for says so, in Korean.
  await page.goto("/search?q=%21");
  await expect(page.locator(".field-error")).toHaveText(/두 글자/);
});
