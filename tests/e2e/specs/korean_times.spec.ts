import { test, expect, Browser } from "@playwright/test";

// Times in the reader's zone: the server renders the company's (Asia/Seoul),
// the browser switches to its own after hydration; relative in the text,
// exact with the zone on hover, the instant in datetime=.

async function phone(browser: Browser, timezoneId: string) {
  const context = await browser.newContext({
    locale: "ko-KR",
    timezoneId,
    viewport: { width: 390, height: 844 },
  });
  return { context, page: await context.newPage() };
}

test("a Seoul reader sees Seoul times, in Korean, before and after hydration", async ({ browser }) => {
  const { context, page } = await phone(browser, "Asia/Seoul");
  // Without JavaScript the server's HTML alone must already be right.
  const html = await (await page.request.get("/", { headers: { "Accept-Language": "ko" } })).text();
  // (`<!>` is a hydration marker the erased views leave after a text.)
  const first = html.match(/<time datetime="([^"]+)" title="([^"]+)"[^>]*>([^<]+)(?:<!>)*<\/time>/);
  expect(first).not.toBeNull();
  expect(first![2]).toContain("(UTC+9)");
  expect(first![3]).toMatch(/방금 전|분 전|시간 전|어제|일 전|월 \d+일|\d{4}\. \d+\. \d+\./);

  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const time = page.locator(".idea-card time").first();
  await expect(time).toHaveAttribute("title", /\(UTC\+9\)$/);
  // The hover text is the datetime= instant on a Seoul wall clock.
  const instant = await time.getAttribute("datetime");
  const title = await time.getAttribute("title");
  const seoul = new Date(Date.parse(instant!) + 9 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  expect(title).toBe(
    `${seoul.getUTCFullYear()}. ${seoul.getUTCMonth() + 1}. ${seoul.getUTCDate()}. ${pad(seoul.getUTCHours())}:${pad(seoul.getUTCMinutes())} (UTC+9)`,
  );
  await context.close();
});

test("a reader in New York sees New York times once the page hydrates", async ({ browser }) => {
  const { context, page } = await phone(browser, "America/New_York");
  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const time = page.locator(".idea-card time").first();
  await expect(time).toHaveAttribute("title", /\(UTC-[45]\)$/);
  // After client-side navigation too (no server render involved).
  await page.locator('a.tab[data-sort="new"]').click();
  await expect(page).toHaveURL(/sort=new/);
  await expect(page.locator(".idea-card time").first()).toHaveAttribute("title", /\(UTC-[45]\)$/);
  await context.close();
});

test("a ticket filed now reads 방금 전 with its Seoul time on hover, and the words move on", async ({ browser }) => {
  const { context, page } = await phone(browser, "Asia/Seoul");
  // A controllable clock that runs like a real one until told otherwise.
  await page.clock.install();
  const { signIn } = await import("../support");
  await signIn(page, "member11@customers.example");
  await page.goto("/tickets/new");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.locator("#ticket-title").fill("요금 안내 문자가 두 번 와요");
  await page.locator("#ticket-body").fill("같은 안내 문자가 오늘 아침에 두 번 왔습니다. 확인 부탁드립니다.");
  await page.locator("#ticket-form button[type=submit]").click();
  await expect(page).toHaveURL(/\/tickets\/VOC-/);
  const filed = page.locator(".ticket-page header time").first();
  await expect(filed).toHaveText("방금 전");
  await expect(filed).toHaveAttribute("title", /\(UTC\+9\)$/);
  // Three minutes later, without a reload.
  await page.clock.fastForward("03:00");
  await expect(filed).toHaveText(/^[34]분 전$/);
  await context.close();
});
