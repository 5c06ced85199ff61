import { test, expect, Page, BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD, signIn, submitSignIn } from "../support";

// What an attacker tried in a browser, kept closed: stored text that tries
// to leave a <textarea>, pages that must hydrate under the
// Content-Security-Policy, and a sign-in link that tries to send the browser
// to another site.

/** Records script runs, dialogs and CSP violations on every page of the context. */
async function trap(context: BrowserContext) {
  await context.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

async function sprung(page: Page) {
  return page.evaluate(() => (window as any).__x ?? null);
}

async function apiSignIn(context: BrowserContext, email: string) {
  const response = await context.request.post("/api/v1/auth/login", {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.status()).toBe(200);
}

function origin() {
  return new URL(process.env.BASE_URL ?? "http://127.0.0.1:3000").origin;
}

test("text stored in a textarea-backed field never runs as script", async ({ browser }) => {
  const payload = "</textarea><img src=x onerror=window.__x=1>";
  const dialogs: string[] = [];

  const moderatorContext = await browser.newContext();
  await apiSignIn(moderatorContext, "moderator@hanbit.example");
  const before = await (await moderatorContext.request.get("/api/v1/moderation/word-list")).json();
  const saved = await moderatorContext.request.put("/api/v1/moderation/word-list", {
    headers: { origin: origin() },
    data: { words: [...before.words, payload] },
  });
  expect(saved.status()).toBe(200);

  try {
    // An admin opens the moderation page with the word list on it.
    const adminContext = await browser.newContext();
    await trap(adminContext);
    const admin = await adminContext.newPage();
    admin.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
    await signIn(admin, "admin@hanbit.example");
    await admin.goto("/moderation");
    await expect(admin.locator("#app")).toHaveAttribute("data-hydrated", "true");
    await admin.locator("details.word-list summary").click();
    await expect(admin.locator("#word-list")).toBeVisible();
    expect(await admin.locator("#word-list").inputValue()).toContain(payload);
    expect(await sprung(admin)).toBeNull();
    // Without JavaScript too: the server's HTML alone.
    const raw = await (await adminContext.request.get("/moderation")).text();
    expect(raw).not.toContain("<img src=x onerror");
  } finally {
    await moderatorContext.request.put("/api/v1/moderation/word-list", {
      headers: { origin: origin() },
      data: { words: before.words },
    });
  }

  // A comment's author opens its editor.
  const writerContext = await browser.newContext();
  await trap(writerContext);
  const writer = await writerContext.newPage();
  writer.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await signIn(writer, "member11@customers.example");
  await writer.goto("/ideas/5");
  await expect(writer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const marker = `edit-me-${Date.now()}`;
  await writer.fill("#comment-body", `${marker} </textarea><img src=x onerror=window.__x=2>`);
  await writer.click("#comment-form button[type=submit]");
  const comment = writer.locator(".comment", { hasText: marker });
  await expect(comment).toHaveCount(1);
  await writer.reload();
  await expect(writer.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const editor = writer.locator(".comment", { hasText: marker }).locator("details.edit-comment");
  await editor.locator("summary").click();
  await expect(editor.locator("textarea")).toHaveValue(`${marker} </textarea><img src=x onerror=window.__x=2>`);
  expect(await sprung(writer)).toBeNull();
  expect(dialogs).toEqual([]);
});

test("public pages hydrate and work under the Content-Security-Policy", async ({ browser }) => {
  const context = await browser.newContext();
  await trap(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  for (const path of ["/", "/ideas/2", "/support", "/roadmap", "/announcements", "/scorecard"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
    await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
    expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  }
  // An interaction (client-side navigation and a live page) still works.
  await signIn(page, "member12@customers.example");
  await page.goto("/ideas/2");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  const button = page.locator(".vote-button").first();
  const before = await button.getAttribute("aria-pressed");
  await button.click();
  await expect(button).not.toHaveAttribute("aria-pressed", before ?? "");
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", before ?? "false");
  expect(await page.evaluate(() => (window as any).__csp)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a sign-in link cannot send the browser to another site", async ({ page }) => {
  for (const next of ["/%09/evil.example/x", "/%0a/evil.example", "//evil.example/x", "/%5Cevil.example"]) {
    await page.context().clearCookies();
    await submitSignIn(page, "member13@customers.example", undefined, `/signin?next=${next}`);
    await expect(page).toHaveURL(/\/me$/);
    expect(new URL(page.url()).origin).toBe(origin());
  }
});
