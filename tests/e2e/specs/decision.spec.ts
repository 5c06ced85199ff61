import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// An employee moves an idea to Planned with an explanation; a customer then
// sees the signed explanation in the timeline and the idea on the roadmap.


test("a signed staff decision appears in the timeline and on the roadmap", async ({ browser }) => {
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, "minjun.lee@hanbit.example");
  await staff.goto("/ideas/14");
  await expect(staff.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const title = (await staff.locator(".idea-page-title").textContent())?.trim() ?? "";
  await staff.click(".status-decision summary");
  await staff.selectOption("#decision-status", "planned");
  await staff.fill("#decision-explanation", "short");
  await staff.click("#decision-form button[type=submit]");
  await expect(staff.locator("#decision-explanation-error")).toHaveText("explain the decision in at least 10 characters");
  await staff.fill("#decision-explanation", "네트워크팀이 지역별 장애 지도를 다음 분기에 공개합니다.");
  await staff.click("#decision-form button[type=submit]");
  await expect(staff.locator(".timeline-entry").last().locator(".timeline-text")).toContainText("지역별 장애 지도");

  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "customer@hanbit.example");
  await customer.goto("/ideas/14");
  const entry = customer.locator(".timeline-entry").last();
  await expect(entry.locator(".signature-name")).toHaveText("Minjun Lee");
  await expect(entry.locator(".signature-department")).toHaveText("Network Operations");
  await expect(entry.locator("[data-status]")).toHaveAttribute("data-status", "planned");
  await expect(customer.locator(".decision")).toHaveCount(0);
  await customer.goto("/roadmap");
  await expect(customer.locator('.roadmap-column[data-status="planned"] .idea-title', { hasText: title })).toBeVisible();
});
