import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// Issue 19's CRM story (first part): an employee opens a VIP customer's
// ticket, sees the summary beside it, opens the full view, adds a note and
// a tag; the customer sees none of it, on the ticket or at the view's address.

test("staff see a VIP's summary on the ticket, open the full view, add a note and a tag", async ({ browser }) => {
  test.setTimeout(60_000);
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "sara.park@hanbit.example");
  await staff.goto("/staff/customers?tag=VIP");
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const row = staff.locator("tr.customer", { hasText: "Minseo Oh" });
  await expect(row.locator(".customer-tags")).toContainText("VIP");
  await row.locator("th a").click();
  await expect(staff).toHaveURL(/\/staff\/customers\/\d+$/);
  const viewUrl = staff.url();
  await expect(staff.locator(".customer-name")).toHaveText("Minseo Oh");

  // One of her tickets: the thread sums her up, linking back here.
  const ticketLink = staff.locator(".customer-tickets tbody tr th a").first();
  const number = (await ticketLink.textContent())?.trim() ?? "";
  expect(number).toMatch(/^VOC-\d{6}$/);
  await staff.goto(`/tickets/${number}`);
  const summary = staff.locator(".customer-summary");
  await expect(summary).toContainText("Minseo Oh");
  await expect(summary.locator(".tag")).toHaveText(["VIP"]);
  await summary.locator(".customer-full-view").click();
  await expect(staff).toHaveURL(viewUrl);
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");

  // An empty note is refused beside the field; a real one is signed.
  await staff.click("#customer-note-form button[type=submit]");
  await expect(staff.locator("#customer-note-error")).toHaveText("must not be empty");
  const stamp = String(Date.now() % 1_000_000);
  const note = `Prefers a call after 6 pm (${stamp})`;
  await staff.fill("#customer-note", note);
  await staff.click("#customer-note-form button[type=submit]");
  const saved = staff.locator(".customer-note", { hasText: note });
  await expect(saved.locator(".note-meta")).toContainText("Sara Park");

  // Tag her as press, keeping VIP.
  await staff.check('#customer-tags-form input[value="언론"]');
  await staff.click("#customer-tags-form button[type=submit]");
  await expect(staff.locator(".customer-head .tag")).toHaveText(["VIP", "언론"]);
  await staff.reload();
  await expect(staff.locator(".customer-head .tag")).toHaveText(["VIP", "언론"]);
  await expect(staff.locator(".customer-note", { hasText: note })).toHaveCount(1);

  // The customer sees none of it.
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "customer@hanbit.example");
  await customer.goto(`/tickets/${number}`);
  await expect(customer.locator(".ticket-title")).toBeVisible();
  await expect(customer.locator(".customer-summary")).toHaveCount(0);
  expect(await customer.content()).not.toContain(note);
  const page = await customer.goto(viewUrl);
  expect(page?.status()).toBeLessThan(500);
  await expect(customer.locator("p.error[role=alert]")).toBeVisible();
  expect(await customer.content()).not.toContain(note);
  expect(await customer.content()).not.toContain("언론");
});

// Issue 19's story, second part: a manager reviews the employee's public
// answer against the guidelines; the employee reads the review and replies;
// the dashboard shows the score; the customer sees none of it.
test("a manager reviews an employee's answer, the employee replies, the customer sees nothing", async ({ browser }) => {
  test.setTimeout(90_000);
  const stamp = String(Date.now() % 1_000_000);
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "customer@hanbit.example");
  await customer.goto("/tickets/new");
  await expect(customer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await customer.fill("#ticket-title", `Roaming bill looks too high (${stamp})`);
  await customer.fill("#ticket-body", "My roaming charge for Japan is three times what I expected.");
  await customer.click("#ticket-form button[type=submit]");
  await expect(customer).toHaveURL(/\/tickets\/VOC-\d{6}$/);
  const path = new URL(customer.url()).pathname;

  // Sara answers in public.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "sara.park@hanbit.example");
  await staff.goto(path);
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const answerText = `Your plan counts Japan as zone 2; I am checking the daily cap (${stamp}).`;
  await staff.fill("#ticket-reply", answerText);
  await staff.click("#ticket-reply-form button[type=submit]");
  const answer = staff.locator("li.official-answer", { hasText: answerText });
  await expect(answer).toBeVisible();
  // An employee has no review button.
  await expect(answer.locator(".review-answer")).toHaveCount(0);

  // The manager reviews it from the thread.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@hanbit.example");
  await admin.goto(path);
  await expect(admin.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await admin.locator("li.official-answer", { hasText: answerText }).locator(".review-answer").click();
  await expect(admin).toHaveURL(/\/staff\/review\?kind=ticket_reply&id=\d+$/);
  await expect(admin.locator(".answer-under-review")).toContainText(answerText);
  await expect(admin.locator("#app")).toHaveAttribute("data-hydrated", "true");
  // Without an overall score the browser keeps the form; a missing comment
  // likewise. Fill both, score three guidelines.
  const selects = admin.locator(".guideline-score select");
  expect(await selects.count()).toBeGreaterThanOrEqual(3);
  for (const [i, score] of [[0, "5"], [1, "4"], [2, "2"]] as const) {
    const value = await selects.nth(i).locator("option").nth(Number(score)).getAttribute("value");
    await selects.nth(i).selectOption(value ?? "");
  }
  await admin.selectOption("#review-overall", "4");
  const coaching = `Good explanation; give the expected amount next time (${stamp}).`;
  await admin.fill("#review-comment", coaching);
  await admin.click("#review-form button[type=submit]");
  await expect(admin.locator(".notice.reviewed")).toBeVisible();
  await admin.locator(".open-review").click();
  await expect(admin).toHaveURL(/\/staff\/reviews\/\d+$/);
  const reviewUrl = admin.url();
  await expect(admin.locator(".review-comment")).toHaveText(coaching);
  await expect(admin.locator(".review-scores tbody tr")).toHaveCount(3);

  // Sara finds it among her reviews and replies.
  await staff.goto("/staff/reviews");
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await staff.locator(".review-row", { hasText: "Roaming bill" }).filter({ hasText: stamp }).locator("a").first().click();
  await expect(staff).toHaveURL(reviewUrl);
  await expect(staff.locator(".review-comment")).toHaveText(coaching);
  await expect(staff.locator(".overall").first()).toHaveText("4 / 5");
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const reply = `Thanks — I will state the amount (${stamp}).`;
  await staff.fill("#review-reply", reply);
  await staff.click("#review-reply-form button[type=submit]");
  await expect(staff.locator(".reply-body")).toHaveText(reply);
  await admin.reload();
  await expect(admin.locator(".reply-body")).toHaveText(reply);

  // The dashboard shows Sara's quality.
  await admin.goto("/dashboard?days=7");
  const row = admin.locator(".quality-table tr", { hasText: "Sara Park" });
  await expect(row.locator(".reviewed")).not.toHaveText("0");
  await expect(row.locator(".average")).toHaveText(/^[1-5]\.\d$/);

  // The customer sees none of it: not on the thread, not at the review's
  // address, not in the API.
  await customer.goto(path);
  await expect(customer.locator(".ticket-title")).toBeVisible();
  await expect(customer.locator(".review-answer")).toHaveCount(0);
  for (const url of [reviewUrl, "/staff/reviews"]) {
    await customer.goto(url);
    await expect(customer.locator("p.error[role=alert]").first()).toBeVisible();
    const html = await customer.content();
    expect(html).not.toContain(coaching);
    expect(html).not.toContain(reply);
  }
  const api = await customer.request.get(`/api/v1/answer-reviews/${reviewUrl.split("/").pop()}`);
  expect(api.status()).toBe(404);
  expect(await api.text()).not.toContain(coaching);
});
