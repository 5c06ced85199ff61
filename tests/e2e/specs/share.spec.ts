import { test, expect } from "@playwright/test";

// An onlooker passes a thread on: one tap copies its public address (the
// clipboard holds it), on an idea and on a ticket thread, in Korean too.

for (const path of ["/ideas/7", "/tickets/VOC-000001"]) {
  test(`a visitor copies the link of ${path} in one tap`, async ({ browser }) => {
    const context = await browser.newContext({
      permissions: ["clipboard-read", "clipboard-write"],
      locale: "ko-KR",
    });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
    const address = await page.locator("#share-url").inputValue();
    expect(address.endsWith(path)).toBe(true);
    await page.click(".share-box .copy-link");
    await expect(page.locator(".share-box .copied")).toHaveText("링크를 복사했습니다");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
    await context.close();
  });
}
