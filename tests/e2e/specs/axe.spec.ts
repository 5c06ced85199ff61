import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "../support";

// axe-core on the main pages, in Korean: no serious or critical
// accessibility violation (contrast, names, labels, landmarks, ARIA).

const pages: Array<[string, string | null]> = [
  ["/", null],
  ["/ideas/1", null],
  ["/tickets/VOC-000001", null],
  ["/signin", null],
  ["/signup", null],
  ["/search?q=%EC%9A%94%EA%B8%88%EC%A0%9C", null],
  ["/staff/queue", "sara.park@hanbit.example"],
  ["/staff/customers", "sara.park@hanbit.example"],
  ["/dashboard", "admin@hanbit.example"],
];

for (const [path, member] of pages) {
  test(`axe finds nothing serious on ${path}${member ? ` (${member})` : ""}`, async ({ browser }) => {
    const context = await browser.newContext({ locale: "ko-KR" });
    const page = await context.newPage();
    if (member) {
      await signIn(page, member);
    }
    await page.goto(path);
    await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(" | ")}`);
    expect(serious).toEqual([]);
    await context.close();
  });
}
