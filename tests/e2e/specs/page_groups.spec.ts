import { expect, test } from "@playwright/test";
import { signIn } from "../support";

// Every page group of the whole-app client (app/src/routes.rs) loads its
// pack and hydrates without an error. `make test` runs this spec twice:
// in the suite with the debug clients, and against the release clients
// the size gate builds (`run.sh --site target/size-gate`), whose chunks
// binaryen's wasm-opt rewrote before packing — nothing else runs those in
// a browser.
const GROUPS: [string, string][] = [
  ["board", "/"],
  ["idea", "/ideas/1"],
  ["ticket", "/tickets/VOC-000001"],
  ["news", "/announcements"],
  ["account", "/me"],
  ["support", "/support"],
  ["queue", "/staff/queue"],
  ["desk", "/dashboard"],
  ["admin", "/admin"],
];

test("an admin opens a page of every group: each hydrates from its own pack", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await signIn(page, "admin@hanbit.example");
  for (const [group, path] of GROUPS) {
    const packs: string[] = [];
    const listen = (r: { url(): string }) => {
      const file = new URL(r.url()).pathname;
      if (file.startsWith("/pkg/pack_")) packs.push(file);
    };
    page.on("request", listen);
    await page.goto(path);
    await expect(page.locator("#app"), `${path} hydrates`).toHaveAttribute("data-hydrated", "true");
    await expect(page.locator("h1").first()).toHaveText(/\S/);
    expect(packs, `${path} loads its group's pack`).toEqual([`/pkg/pack_${group}.bin`]);
    page.off("request", listen);
  }
  expect(errors).toEqual([]);
});

test("a member moves between groups in the page: each group's pack comes once, and the page works", async ({ page }) => {
  await signIn(page, "sara.park@hanbit.example");
  const packs: string[] = [];
  page.on("request", (r) => {
    const file = new URL(r.url()).pathname;
    if (file.startsWith("/pkg/pack_")) packs.push(file);
  });
  await page.goto("/staff/queue");
  await expect(page.locator("#app")).toHaveAttribute("data-hydrated", "true");
  await page.locator('a[href^="/tickets/VOC-"]').first().click();
  await expect(page).toHaveURL(/\/tickets\/VOC-/);
  await expect(page.locator("#ticket-new-status")).toBeAttached();
  await page.locator('.site-nav a[href="/roadmap"]').click();
  await expect(page).toHaveURL(/\/roadmap$/);
  await page.goBack();
  await expect(page.locator("#ticket-new-status")).toBeAttached();
  expect(packs).toEqual(["/pkg/pack_queue.bin", "/pkg/pack_ticket.bin", "/pkg/pack_board.bin"]);
});
