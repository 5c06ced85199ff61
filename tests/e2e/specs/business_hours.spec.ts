import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// Issue 19's business hours: an admin gives Billing hours that are closed
// now; a question filed now tells the customer when the promise starts to
// run. Billing goes back to around the clock at the end, so other stories
// keep their plain-minute promises.

const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

test("a question out of hours says when the promise starts to run", async ({ browser }) => {
  test.setTimeout(60_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin@hanbit.example");
  // Open only tomorrow (Seoul), 09:00–10:00: closed right now.
  const seoulNow = new Date(Date.now() + 9 * 3_600_000);
  const tomorrow = days[(seoulNow.getUTCDay() + 1) % 7];
  const hours = `${tomorrow} 09:00-10:00`;
  const setHours = async (value: string) => {
    await admin.goto("/admin");
    await expect(admin.locator("#app")).toHaveAttribute("data-hydrated", "true");
    const billing = admin.locator('.admin-departments [data-department="billing"]');
    await billing.locator("details.department-edit summary").click();
    await billing.locator('input[name="business_hours"]').fill(value);
    await billing.locator('button[type="submit"]').click();
    await expect(billing.locator(".department-hours")).toHaveText(value === "" ? /./ : value);
  };
  // A malformed entry is refused beside the field.
  await admin.goto("/admin");
  await expect(admin.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const billing = admin.locator('.admin-departments [data-department="billing"]');
  await billing.locator("details.department-edit summary").click();
  await billing.locator('input[name="business_hours"]').fill("weekdays 9 to 6");
  await billing.locator('button[type="submit"]').click();
  await expect(billing.locator(".field-error").filter({ hasText: "mon-fri 09:00-18:00" })).toBeVisible();
  try {
    await setHours(hours);
    const customer = await (await browser.newContext()).newPage();
    await signIn(customer, "customer@hanbit.example");
    await customer.goto("/tickets/new");
    await expect(customer.locator("#app")).toHaveAttribute("data-hydrated", "true");
    await customer.fill("#ticket-title", `Question about my invoice (${Date.now() % 100_000})`);
    await customer.fill("#ticket-body", "Why does my invoice show two base fees this month?");
    await customer.selectOption("#ticket-department", "billing");
    await customer.click("#ticket-form button[type=submit]");
    await expect(customer).toHaveURL(/\/tickets\/VOC-\d{6}$/);
    const note = customer.locator(".business-hours-note");
    await expect(note).toHaveAttribute("data-hours", hours);
    await expect(note.locator(".counts-from time")).toHaveAttribute("datetime", /T00:00:00Z$/);
  } finally {
    await setHours("");
  }
});
