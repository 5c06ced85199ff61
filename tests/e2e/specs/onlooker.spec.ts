import { test, expect } from "@playwright/test";
import { signIn } from "../support";

// An onlooker (signed out) opens the board: server-rendered HTML with the
// islands client (app/src/client.rs); the sort tabs are links to the
// server's pages.

test("the board is server-rendered with the demo ideas and hydrates", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await expect(page.locator("header .brand-name")).toContainText("Hanbit Telecom");
  await expect(page.locator(".idea-card").first()).toBeVisible();
  expect(await page.locator(".idea-card").count()).toBeGreaterThanOrEqual(10);
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  expect(errors).toEqual([]);
});

test("sort tabs switch the list", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const firstTitle = async () => (await page.locator(".idea-card .idea-title").first().textContent())?.trim();

  await page.locator('a.tab[data-sort="new"]').click();
  await expect(page).toHaveURL(/sort=new/);
  await expect(page.locator('a.tab[data-sort="new"]')).toHaveClass(/selected/);
  const newest = await firstTitle();

  await page.locator('a.tab[data-sort="top"]').click();
  await expect(page).toHaveURL(/sort=top/);
  await expect(page.locator('a.tab[data-sort="top"]')).toHaveClass(/selected/);
  // Top is ordered by votes, descending (the list swaps in once loaded).
  const counts = async () => (await page.locator(".idea-card .vote-count").allTextContents()).map(Number);
  await expect.poll(async () => {
    const now = await counts();
    return now.length > 3 && now.every((n, i) => i === 0 || now[i - 1] >= n);
  }).toBe(true);
  expect(await firstTitle()).not.toBeUndefined();
  expect(newest).not.toBeUndefined();
});

test("a visitor's page loads only the islands client, a member's the whole app", async ({ browser }) => {
  const visitor = await (await browser.newContext()).newPage();
  const loaded: string[] = [];
  visitor.on("request", (r) => { if (r.url().includes("/pkg/")) loaded.push(new URL(r.url()).pathname); });
  await visitor.goto("/ideas/1");
  await expect(visitor.locator("#app")).toHaveAttribute("data-hydrated", "true");
  expect(loaded).toContain("/pkg/madang_bg.wasm");
  expect(loaded.filter((p) => p.includes("madang_app"))).toEqual([]);
  // The times are islands: the reader's zone, in place.
  await expect(visitor.locator("leptos-island time").first()).toBeVisible();

  const member = await (await browser.newContext()).newPage();
  await signIn(member, "member18@customers.example");
  const memberLoaded: string[] = [];
  member.on("request", (r) => { if (r.url().includes("/pkg/")) memberLoaded.push(new URL(r.url()).pathname); });
  await member.goto("/ideas/1");
  await expect(member.locator("#app")).toHaveAttribute("data-hydrated", "true");
  expect(memberLoaded).toContain("/pkg/madang_app_bg.wasm");
  // The page's code is its group's one pack (scripts/wasm-split), not a
  // file per chunk; a link to a page of another group brings that pack.
  expect(memberLoaded.filter((p) => p.startsWith("/pkg/pack_"))).toEqual(["/pkg/pack_idea.bin"]);
  expect(memberLoaded.filter((p) => p.endsWith(".wasm") && !p.endsWith("_bg.wasm"))).toEqual([]);
  await member.locator('.site-nav a[href="/roadmap"]').click();
  await expect(member.locator("h1")).toHaveText("Roadmap");
  await expect.poll(() => memberLoaded.filter((p) => p.startsWith("/pkg/pack_"))).toEqual([
    "/pkg/pack_idea.bin",
    "/pkg/pack_board.bin",
  ]);
});

test("the language switch renders the page in Korean and remembers it", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.locator("a.lang-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.locator(".site-nav")).toContainText("아이디어");
  await page.goto("/roadmap");
  await expect(page.locator("h1")).toHaveText("로드맵");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  // The company's Korean name (--company-name), also after hydration.
  await expect(page.locator("header .company-name")).toHaveText("한빛텔레콤");
});

test("Accept-Language picks Korean for a first visit", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ko-KR" });
  const page = await context.newPage();
  await page.goto("/support");
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  // Other specs may add departments to the shared server; the demo five are there.
  for (const slug of ["customer-care", "billing", "network", "mobile", "product"]) {
    await expect(page.locator(`.department[data-department="${slug}"]`)).toBeVisible();
  }
  await expect(page.locator('.department[data-department="billing"] .promise')).toContainText("30");
  await context.close();
});

test("the roadmap shows planned, in-progress and done ideas", async ({ page }) => {
  await page.goto("/roadmap");
  for (const status of ["planned", "in_progress", "done"]) {
    const column = page.locator(`.roadmap-column[data-status="${status}"]`);
    await expect(column.locator(".idea-card").first()).toBeVisible();
    const badges = await column.locator(".status").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    expect(new Set(badges)).toEqual(new Set([status]));
  }
});

test("the layout fits a phone screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto("/");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test("Korean pages fit a 390 px phone: profile stats, the dashboard's lists and charts", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ko-KR", viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const { signIn } = await import("../support");
  await signIn(page, "admin@hanbit.example");
  for (const path of ["/members/1", "/dashboard", "/scorecard", "/support"]) {
    await page.goto(path);
    await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  // The "me too" list is a list: its entries stack, none on top of another.
  await page.goto("/dashboard");
  const entries = page.locator("ol.top-list.me-too > li");
  const count = await entries.count();
  for (let i = 1; i < count; i++) {
    const above = (await entries.nth(i - 1).boundingBox())!;
    const below = (await entries.nth(i).boundingBox())!;
    expect(below.y).toBeGreaterThanOrEqual(above.y + above.height - 1);
  }
  // Chart labels stay readable (not shrunk to a few pixels).
  const label = page.locator(".chart .axis").first();
  if ((await label.count()) > 0) {
    const height = (await label.boundingBox())!.height;
    expect(height).toBeGreaterThanOrEqual(8);
  }
  await context.close();
});
