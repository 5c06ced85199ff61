import { test, expect, Page } from "@playwright/test";
import { freshEmail, signIn, signUp } from "../support";

// The trust loop without loopholes: Customer Care hands a complaint to
// Mobile with a note; the thread shows Mobile's own clock running from the
// hand-off; Customer Care tries to close it without an answer and is
// refused; Mobile answers; the customer, a "me too" member and Mobile's
// staff were each told, naming who acted. A phone number typed into the
// public body is refused and moved to the private details in one click.

async function hydrated(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
}

async function notices(page: Page, kind: string) {
  await hydrated(page, "/notifications");
  return page.locator(`.notification[data-kind="${kind}"]`);
}

test("a hand-off starts the receiving department's clock and everyone hears of the answer", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = String(Date.now() % 1_000_000);

  // The customer types their phone number into the public body.
  const customer = await (await browser.newContext()).newPage();
  await signUp(customer, "Trust Customer", freshEmail("trust"), "trust customer pw");
  await hydrated(customer, "/tickets/new");
  await customer.selectOption("#ticket-kind", "complaint");
  await customer.fill("#ticket-title", `eSIM will not activate ${stamp}`);
  await customer.fill("#ticket-body", "No signal since the switch. Call me on 010-2345-6789.");
  await customer.click("#ticket-form button[type=submit]");
  await expect(customer.locator("#ticket-body-error")).toContainText("mobile phone number");
  await customer.click(".move-private");
  await expect(customer.locator("#ticket-private")).toHaveValue("010-2345-6789");
  await expect(customer.locator("#ticket-body")).not.toHaveValue(/010-2345-6789/);
  await customer.click("#ticket-form button[type=submit]");
  await expect(customer).toHaveURL(/\/tickets\/VOC-\d{6}$/);
  const path = new URL(customer.url()).pathname;
  const number = path.split("/").pop()!;
  await expect(customer.locator(".private-value")).toHaveText("010-2345-6789");

  // Another customer says it happened to them too.
  const affected = await (await browser.newContext()).newPage();
  await signUp(affected, "Also Affected", freshEmail("affected"), "also affected pw");
  await hydrated(affected, path);
  await affected.click(".me-too-button");
  await expect(affected.locator(".me-too-button")).toHaveAttribute("aria-pressed", "true");

  // Customer Care hands it to Mobile with a public note.
  const care = await (await browser.newContext()).newPage();
  await signIn(care, "sara.park@hanbit.example");
  await hydrated(care, path);
  await care.click(".transfer summary");
  await care.selectOption("#transfer-department", "mobile");
  await care.fill("#transfer-note", "eSIM activation is done by our Mobile team.");
  await care.click("#ticket-transfer-form button[type=submit]");
  await expect(care.locator(".ticket-department")).toHaveText("Mobile");

  // The thread shows Mobile's clock, running from the hand-off.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  const running = visitor.locator('.promise-clock.waiting[data-clock="hand_off"]');
  await expect(running).toBeVisible();
  await expect(running.locator(".clock-department")).toHaveText("Mobile");
  await expect(running).toContainText("30 min");
  await expect(visitor.locator('.promise-clock.handed-off[data-clock="first"] .clock-department')).toHaveText("Customer Care");

  // Customer Care tries to close it without an answer: refused.
  await care.click(".ticket-status-form summary");
  await care.selectOption("#ticket-new-status", "closed");
  await care.click("#ticket-status-form button[type=submit]");
  await expect(care.locator("#ticket-status-note-error")).toContainText("waiting for an answer");
  await expect(care.locator(".ticket-page .ticket-status")).not.toHaveAttribute("data-status", "closed");

  // Mobile's staff were told of the hand-off and answer from their queue.
  const mobile = await (await browser.newContext()).newPage();
  await signIn(mobile, "hana.choi@hanbit.example");
  await expect((await notices(mobile, "ticket_handed_to_department")).filter({ hasText: number })).toHaveCount(1);
  await hydrated(mobile, "/staff/queue");
  await expect(mobile.locator(".queue-scope")).toBeVisible();
  await expect(mobile.locator(`.ticket-card[data-ticket="${number}"]`)).toBeVisible();
  await hydrated(mobile, path);
  await mobile.fill("#ticket-reply", "Your eSIM profile is re-issued; restart the phone and it connects within ten minutes.");
  await mobile.click("#ticket-reply-form button[type=submit]");
  const kept = mobile.locator('.promise-clock.answered[data-clock="hand_off"]');
  await expect(kept).toBeVisible();
  await expect(kept.locator(".clock-department")).toHaveText("Mobile");
  await expect(mobile.locator('.ticket-post.official-answer .badge-official')).toHaveCount(1);
  await expect(mobile.locator('.ticket-post.post-transfer .badge-official')).toHaveCount(0);

  // The customer and the "me too" member were told, by name.
  for (const page of [customer, affected]) {
    const answered = (await notices(page, "ticket_answered")).filter({ hasText: number });
    await expect(answered).toHaveCount(1);
    await expect(answered).toContainText("(Mobile) answered");
    await expect((await notices(page, "ticket_handed_off")).filter({ hasText: number })).toContainText("Sara Park (Customer Care) handed it to Mobile");
  }
});
