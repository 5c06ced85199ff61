import { test, expect } from "@playwright/test";
import http from "node:http";

// Behind nginx (tests/e2e/run.sh --through-nginx, deploy/nginx/madang.conf)
// every request reaches Madang from the proxy's address. Rate limits must
// still count per client: the instances trust the proxy's
// X-Forwarded-For, and only the proxy's. The rest of the suite runs through
// the proxy too: sign-in cookies, the CSRF Origin check with the public
// origin, and the live stories (live.spec.ts: a vote and a comment seen in
// another browser within a second; live_two_servers.spec.ts), whose events
// must pass nginx unbuffered.
const throughNginx = process.env.THROUGH_NGINX === "1";

type Reply = { status: number; body: string };

/// A JSON POST to the proxy from `localAddress` (any 127.0.0.0/8 address
/// is this machine), as a client at that address would send it.
function postFrom(localAddress: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const base = new URL(process.env.BASE_URL ?? "");
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: "POST",
        localAddress,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...headers },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

test("sign-in failures are limited per client address behind the proxy, not per proxy", async () => {
  test.skip(!throughNginx, "runs in the browser suite through nginx (tests/e2e/run.sh --through-nginx)");
  const login = { email: "customer@hanbit.example", password: "not the password" };
  // Five wrong passwords for one account from one address are allowed
  // (domain rate_limit::SIGN_IN_ACCOUNT); the sixth must wait.
  for (let i = 0; i < 5; i++) {
    expect((await postFrom("127.0.0.5", "/api/v1/auth/login", login)).status).toBe(401);
  }
  const limited = await postFrom("127.0.0.5", "/api/v1/auth/login", login);
  expect(limited.status).toBe(429);
  // Another client of the same proxy is not held back by it…
  expect((await postFrom("127.0.0.6", "/api/v1/auth/login", login)).status).toBe(401);
  // …and the limited client cannot escape by naming another address: the
  // proxy appends the real one, which is what Madang believes.
  const spoofed = await postFrom("127.0.0.5", "/api/v1/auth/login", login, { "x-forwarded-for": "203.0.113.9" });
  expect(spoofed.status).toBe(429);
  // The right password from a fresh address still signs in.
  const ok = await postFrom("127.0.0.7", "/api/v1/auth/login", { ...login, password: "madang-demo-2026" });
  expect(ok.status).toBe(200);
});
