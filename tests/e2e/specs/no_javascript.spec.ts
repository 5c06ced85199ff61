import { test, expect, Browser, Page } from "@playwright/test";
import { DEMO_PASSWORD, fillSecret } from "../support";

// Every action a customer takes on a public page is a real HTML form: with
// JavaScript off (or before the WASM arrives) it posts, the server does it
// and sends the browser back to the page, which shows the result.

const origin = () => new URL(process.env.BASE_URL ?? "http://127.0.0.1:3000").origin;

async function withoutJavaScript(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

async function signInWithoutJavaScript(page: Page, email: string, path = "/signin") {
  await page.goto(path);
  await page.fill("#field-email", email);
  await fillSecret(page, "#field-password", DEMO_PASSWORD);
  await page.click("#sign-in-form button[type=submit]");
}

test("with JavaScript off a customer votes, follows, comments, files a ticket, replies, presses me too and rates", async ({ browser }) => {
  // Another customer's public ticket to be affected by, and a staff member
  // to resolve the new ticket, both through the REST API.
  const other = await browser.newContext();
  expect((await other.request.post("/api/v1/auth/login", { data: { email: "member21@customers.example", password: DEMO_PASSWORD } })).status()).toBe(200);
  const filed = await other.request.post("/api/v1/tickets", {
    headers: { origin: origin() },
    data: { kind: "complaint", title: "문자 인증번호가 오지 않아요", body: "어제부터 인증 문자가 안 옵니다." },
  });
  expect(filed.status()).toBe(201);
  const othersTicket = (await filed.json()).number as string;

  const page = await withoutJavaScript(browser);
  await signInWithoutJavaScript(page, "member20@customers.example");
  await expect(page).toHaveURL(/\/me$/);

  // Vote and take it back on the board's idea page.
  await page.goto("/ideas/9");
  const vote = page.locator(".idea-page .vote-button");
  const voted = (await vote.getAttribute("aria-pressed")) === "true";
  const votes = Number(await vote.locator(".vote-count").textContent());
  await vote.click();
  await expect(page).toHaveURL(/\/ideas\/9$/);
  await expect(vote).toHaveAttribute("aria-pressed", String(!voted));
  await expect(vote.locator(".vote-count")).toHaveText(String(voted ? votes - 1 : votes + 1));
  await vote.click();
  await expect(vote).toHaveAttribute("aria-pressed", String(voted));
  await expect(vote.locator(".vote-count")).toHaveText(String(votes));

  // Follow it.
  const follow = page.locator(".idea-page .follow-button");
  const following = (await follow.getAttribute("aria-pressed")) === "true";
  await follow.click();
  await expect(page).toHaveURL(/\/ideas\/9$/);
  await expect(follow).toHaveAttribute("aria-pressed", String(!following));

  // Comment on it; an empty comment is refused beside the field.
  await page.click("#comment-form button[type=submit]");
  await expect(page.locator("#comment-body-error")).not.toBeEmpty();
  const words = `자바스크립트 없이 남긴 의견 ${Math.random().toString(36).slice(2, 10).replace(/\d/g, "x")}`;
  await page.fill("#comment-body", words);
  await page.click("#comment-form button[type=submit]");
  await expect(page).toHaveURL(/\/ideas\/9$/);
  await expect(page.locator(".comment", { hasText: words })).toHaveCount(1);

  // Press "me too" on another customer's ticket.
  await page.goto(`/tickets/${othersTicket}`);
  const meToo = page.locator(".me-too-button");
  await expect(meToo).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator(".me-too-count")).toContainText("0");
  await meToo.click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${othersTicket}$`));
  await expect(meToo).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(".me-too-count")).toContainText("1");

  // File a ticket, then reply to it.
  await page.goto("/tickets/new");
  await page.selectOption("#ticket-kind", "inquiry");
  await page.fill("#ticket-title", "자동이체 날짜를 바꾸고 싶어요");
  await page.fill("#ticket-body", "월급날이 25일이라 26일로 옮기고 싶습니다.");
  await page.click("#ticket-form button[type=submit]");
  await expect(page).toHaveURL(/\/tickets\/VOC-\d{6}$/);
  const mine = page.url().split("/").pop() as string;
  await expect(page.locator("h1")).toContainText("자동이체 날짜를 바꾸고 싶어요");
  await page.fill("#ticket-reply", "26일이 주말이면 그 다음 평일도 괜찮아요.");
  await page.click("#ticket-reply-form button[type=submit]");
  await expect(page).toHaveURL(new RegExp(`/tickets/${mine}$`));
  await expect(page.locator(".ticket-post", { hasText: "그 다음 평일도 괜찮아요" })).toHaveCount(1);

  // Staff resolve it; the customer rates the answer.
  const staff = await browser.newContext();
  expect((await staff.request.post("/api/v1/auth/login", { data: { email: "billing@hanbit.example", password: DEMO_PASSWORD } })).status()).toBe(200);
  const answered = await staff.request.post(`/api/v1/tickets/${mine}/replies`, {
    headers: { origin: origin() },
    data: { body: "다음 달부터 26일에 출금되도록 바꿨습니다." },
  });
  expect(answered.status()).toBe(201);
  const resolved = await staff.request.put(`/api/v1/tickets/${mine}/status`, {
    headers: { origin: origin() },
    data: { status: "resolved", note: "26일 출금으로 바꿨습니다." },
  });
  expect(resolved.status()).toBe(200);
  await page.reload();
  await page.check("#ticket-rating-form input[name=score][value='5']");
  await page.fill("#rating-comment", "빨라요");
  await page.click("#ticket-rating-form button[type=submit]");
  await expect(page).toHaveURL(new RegExp(`/tickets/${mine}$`));
  await expect(page.locator(".rating")).toHaveAttribute("data-score", "5");

  const check = await other.request.get(`/api/v1/tickets/${othersTicket}`);
  expect((await check.json()).me_too).toBe(1);
  await Promise.all([other.close(), staff.close(), page.context().close()]);
});

test("with JavaScript off a visitor's vote waits for the sign-in and is applied", async ({ browser }) => {
  const page = await withoutJavaScript(browser);
  await page.goto("/ideas/11");
  const vote = page.locator(".idea-page .vote-button");
  const votes = Number(await vote.locator(".vote-count").textContent());
  await vote.click();
  await expect(page).toHaveURL(/\/signin\?next=%2Fideas%2F11&vote=11$|\/signin\?next=\/ideas\/11&vote=11$/);
  await page.fill("#field-email", "member22@customers.example");
  await fillSecret(page, "#field-password", DEMO_PASSWORD);
  await page.click("#sign-in-form button[type=submit]");
  await expect(page).toHaveURL(/\/ideas\/11$/);
  await expect(vote).toHaveAttribute("aria-pressed", "true");
  await expect(vote.locator(".vote-count")).toHaveText(String(votes + 1));
  await page.context().close();
});

test("the board lists its ideas without JavaScript", async ({ browser }) => {
  const page = await withoutJavaScript(browser);
  await page.goto("/");
  await expect(page.locator(".idea-card").first()).toBeVisible();
  await page.goto("/roadmap");
  await expect(page.locator(".roadmap-column li").first()).toBeVisible();
  await page.context().close();
});
