import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// The social customer centre, as the articles tell it: a customer files
// "internet is slow"; a signed-out visitor reads the public thread and sees
// the waiting clock; Customer Care hands it to Network Operations with a
// public note; a Network employee answers, signed; the customer sees the
// answer and the hand-off, marks it resolved and rates it. Private details
// stay with the customer and staff.

test("a slow-internet complaint handled in public, by name", async ({ browser }) => {
  const stamp = String(Date.now() % 1_000_000);
  const secret = `Account 10-${stamp}`;

  // The customer files it, with a private account number.
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "member08@customers.example");
  await customer.goto("/tickets/new");
  await expect(customer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await customer.selectOption("#ticket-kind", "complaint");
  await customer.fill("#ticket-title", "Hi");
  await customer.click("#ticket-form button[type=submit]");
  await expect(customer.locator("#ticket-title-error")).toHaveText("must be 5–120 characters");
  await customer.fill("#ticket-title", `Internet is slow every evening ${stamp}`);
  await customer.fill("#ticket-body", "From 8 pm the speed drops below 5 Mbps.");
  await customer.fill("#ticket-private", secret);
  await customer.click("#ticket-form button[type=submit]");
  await expect(customer).toHaveURL(/\/tickets\/VOC-\d{6}$/);
  const path = new URL(customer.url()).pathname;
  await expect(customer.locator(".private-value")).toHaveText(secret);

  // A signed-out visitor reads the thread: the clock, no private details.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(path);
  await expect(visitor.locator(".ticket-title")).toContainText("Internet is slow every evening");
  await expect(visitor.locator(".promise-clock.waiting")).toBeVisible();
  await expect(visitor.locator(".promise-clock")).toContainText("Customer Care");
  await expect(visitor.locator(".waiting-minutes")).toHaveAttribute("data-minutes", /\d+/);
  expect(await visitor.content()).not.toContain(secret);

  // Customer Care hands it to Network Operations, with a public note.
  const care = await (await browser.newContext()).newPage();
  await signIn(care, "sara.park@hanbit.example");
  await care.goto(path);
  await expect(care.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await expect(care.locator(".private-value")).toHaveText(secret);
  await care.click(".transfer summary");
  await care.selectOption("#transfer-department", "network");
  await care.click("#ticket-transfer-form button[type=submit]");
  await expect(care.locator("#transfer-note-error")).toHaveText("must be at least 5 characters");
  await care.fill("#transfer-note", "Network Operations can measure the line speed at your address.");
  await care.click("#ticket-transfer-form button[type=submit]");
  await expect(care.locator(".ticket-post.post-transfer .to-department")).toHaveText("Network Operations");
  await expect(care.locator(".ticket-department")).toHaveText("Network Operations");

  // A Network employee answers, signed.
  const network = await (await browser.newContext()).newPage();
  await signIn(network, "minjun.lee@hanbit.example");
  await network.goto("/staff/queue?department=network");
  await expect(network.locator(`.ticket-card[data-ticket="${path.split("/").pop()}"]`)).toBeVisible();
  await network.goto(path);
  await expect(network.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await network.fill("#ticket-reply", "We measured your line: a faulty port at the street cabinet. A technician replaces it tomorrow.");
  await network.click("#ticket-reply-form button[type=submit]");
  await expect(network.locator(".promise-clock.answered")).toBeVisible();

  // The customer sees the signed answer and the hand-off.
  await customer.goto(path);
  await expect(customer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const answer = customer.locator('.ticket-post[data-kind="reply"]').last();
  await expect(answer.locator(".signature-name")).toHaveText("Minjun Lee");
  await expect(answer.locator(".signature-department")).toHaveText("Network Operations");
  await expect(customer.locator(".ticket-post.post-transfer")).toContainText("measure the line speed");
  await expect(customer.locator(".promise-clock.answered .answered-by")).toContainText("Network Operations");

  // Resolved, then rated by the customer.
  await network.click(".ticket-status-form summary");
  await network.selectOption("#ticket-new-status", "resolved");
  await network.fill("#ticket-status-note", "Port replaced; speed back to 500 Mbps.");
  await network.click("#ticket-status-form button[type=submit]");
  await expect(network.locator(".ticket-page .ticket-status")).toHaveAttribute("data-status", "resolved");
  await customer.reload();
  await expect(customer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await customer.check('#ticket-rating-form input[name="score"][value="5"]');
  await customer.fill("#rating-comment", "Fast and clear.");
  await customer.click("#ticket-rating-form button[type=submit]");
  await expect(customer.locator(".rating")).toHaveAttribute("data-score", "5");
});
