import { test, expect } from "@playwright/test";
import { createHmac } from "node:crypto";
import { createServer, IncomingHttpHeaders } from "node:http";
import { AddressInfo } from "node:net";
import { secretUsed, signIn } from "../support";

// An admin connects a receiving system with a webhook through the admin
// page; a member chooses how notifications reach them by e-mail.

type Delivery = { headers: IncomingHttpHeaders; body: string };

test("an admin registers a webhook, and the receiver gets signed events", async ({ browser }) => {
  const got: Delivery[] = [];
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const port = (receiver.address() as AddressInfo).port;
  try {
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, "admin@hanbit.example");
    await admin.goto("/admin");
    await admin.click("a[href='/admin/webhooks']");
    await expect(admin).toHaveURL(/\/admin\/webhooks$/);
    await expect(admin.locator("#app")).toHaveAttribute("data-hydrated", "true");

    // No event chosen: the message stands beside the events.
    const url = `http://127.0.0.1:${port}/madang-${Date.now() % 100_000}`;
    await admin.fill("#webhook-url", url);
    await admin.fill("#webhook-description", "Team chat");
    await admin.click("#webhook-form button[type=submit]");
    await expect(admin.locator("#webhook-events-error")).toContainText("at least one");

    await admin.check("input[name='events[]'][value='idea.voted']");
    await admin.click("#webhook-form button[type=submit]");
    const secret = (await admin.locator(".webhook-secret code.secret").textContent())?.trim() ?? "";
    secretUsed(secret);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const item = admin.locator(".webhook", { hasText: url });
    await expect(item).toBeVisible();

    // A customer votes; the receiver gets the event, signed with the secret.
    const customer = await (await browser.newContext()).newPage();
    await signIn(customer, "member18@customers.example");
    const base = process.env.BASE_URL ?? "";
    // Unvote first (demo members may have voted already), so the vote is a change.
    await customer.request.delete("/api/v1/ideas/20/vote", { headers: { origin: base } });
    const vote = await customer.request.put("/api/v1/ideas/20/vote", { headers: { origin: base } });
    expect(vote.status()).toBe(200);
    const votes = (await vote.json()).votes;
    const theVote = () =>
      got.find((d) => {
        const body = JSON.parse(d.body);
        return d.headers["x-madang-event"] === "idea.voted" && body.data.number === 20 && body.data.votes === votes;
      });
    await expect.poll(() => theVote() !== undefined).toBe(true);
    const delivery = theVote()!;
    const expected = "sha256=" + createHmac("sha256", secret).update(delivery.body).digest("hex");
    expect(delivery.headers["x-madang-signature-256"]).toBe(expected);

    // "Send a test": the ping arrives and the log shows the receiver's 200.
    await item.locator("button.ping").click();
    await expect.poll(() => got.filter((d) => d.headers["x-madang-event"] === "ping").length).toBe(1);
    await admin.reload();
    await admin.locator(".webhook", { hasText: url }).locator("details.webhook-log summary").click();
    await expect(admin.locator(".webhook", { hasText: url }).locator("tr.delivery[data-status='delivered']")).toHaveCount(got.length);

    await admin.locator(".webhook", { hasText: url }).locator("button.remove").click();
    await expect(admin.locator(".webhook", { hasText: url })).toHaveCount(0);
  } finally {
    receiver.close();
  }
});

test("a member chooses a daily digest instead of one mail per notification", async ({ page }) => {
  await signIn(page, "member19@customers.example");
  await page.goto("/notifications#email");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await expect(page.locator("#email-instant")).toBeChecked();
  await page.check("#email-daily");
  await page.click("#email-settings-form button[type=submit]");
  await expect(page.locator(".email-settings .saved")).not.toBeEmpty();
  await page.reload();
  await expect(page.locator("#email-daily")).toBeChecked();
  const settings = await page.request.get("/api/v1/me/notification-settings");
  expect(await settings.json()).toEqual({ email: "daily" });
});
