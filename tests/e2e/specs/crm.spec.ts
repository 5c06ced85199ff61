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
