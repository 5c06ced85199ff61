import { defineConfig } from "@playwright/test";

// Debian's Chromium (apt-get install chromium). Never `npx playwright install`:
// it downloads browsers, which this project must not need.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./specs",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // One retry: Leptos 0.8 streaming SSR can rarely stall a response (an
  // upstream race, leptos-rs/leptos#4851); a test that fails twice fails.
  retries: 1,
  workers: 1,
  reporter: "list",
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    browserName: "chromium",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
