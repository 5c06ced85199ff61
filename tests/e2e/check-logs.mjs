// After the browser suite (run.sh): every instance's /metrics shows the
// named series with values that fit what the suite did, every line an
// instance logged is a JSON object (request lines carry id, route, status,
// latency, and the member where one was signed in), and no log — nginx's
// access log included — holds a password, token or private detail the
// specs sent (support.ts notes each in MADANG_SECRETS_FILE).
//
// usage: METRICS_TOKEN=… INSTANCES="http://a http://b" [PUBLIC_URL=http://proxy]
//        MADANG_SECRETS_FILE=… node check-logs.mjs LOG…
import { readFileSync } from "node:fs";

const problems = [];
const fail = (message) => problems.push(message);

// --- metrics -------------------------------------------------------------

/** The samples of one scrape: "name{labels}" → value. */
function parse(text) {
  const samples = new Map();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** Sum of the samples of `name` whose labels contain every `parts`. */
function total(samples, name, ...parts) {
  let sum = 0;
  for (const [series, value] of samples) {
    if (series.split("{")[0] === name && parts.every((p) => series.includes(p))) sum += value;
  }
  return sum;
}

const instances = (process.env.INSTANCES ?? "").split(" ").filter(Boolean);
if (instances.length === 0) fail("no instances to scrape");
let requestsSeen = 0;
for (const instance of instances) {
  const refused = await fetch(`${instance}/metrics`);
  if (refused.status !== 401) fail(`${instance}/metrics without the token answered ${refused.status}, not 401`);
  const response = await fetch(`${instance}/metrics`, {
    headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` },
  });
  if (response.status !== 200) {
    fail(`${instance}/metrics answered ${response.status}`);
    continue;
  }
  const samples = parse(await response.text());
  const requests = total(samples, "madang_http_requests_total");
  requestsSeen += requests;
  const timed = total(samples, "madang_http_request_duration_seconds_count");
  const slowest = total(samples, "madang_http_request_duration_seconds_bucket", 'le="+Inf"');
  if (timed !== requests || slowest !== requests) {
    fail(`${instance}: ${requests} requests but ${timed} timed and ${slowest} in the +Inf buckets`);
  }
  for (const [series, value] of samples) {
    if (/route="[^"]*\/\d+[/"]/.test(series)) fail(`${instance}: a raw path became a label: ${series}`);
    if (!Number.isFinite(value) || value < 0) fail(`${instance}: ${series} = ${value}`);
  }
  const named = [
    "madang_sse_streams_open",
    "madang_event_log_lag_events",
    'madang_outbox_mails{state="waiting"}',
    'madang_webhook_deliveries{state="failed"}',
    'madang_response_promises_broken{kind="first"}',
    'madang_db_pool_max_connections{pool="main"}',
  ];
  for (const series of named) {
    if (!samples.has(series)) fail(`${instance}: ${series} missing`);
  }
  const poolMax = samples.get('madang_db_pool_max_connections{pool="main"}');
  const poolOpen = total(samples, "madang_db_pool_connections", 'pool="main"');
  if (!(poolOpen >= 1 && poolOpen <= poolMax)) fail(`${instance}: main pool ${poolOpen} open of ${poolMax}`);
  if (samples.get("madang_event_log_lag_events") > 100) {
    fail(`${instance}: ${samples.get("madang_event_log_lag_events")} events behind the log`);
  }
  console.log(
    `check-logs: ${instance} answered ${requests} requests ` +
      `(${total(samples, "madang_http_requests_total", 'route="/api/v1/events"')} event streams, ` +
      `${total(samples, "madang_http_requests_total", 'status="5')} 5xx), ` +
      `${samples.get("madang_sse_streams_open")} streams open now`,
  );
}
if (instances.length > 0 && requestsSeen < 10) fail(`only ${requestsSeen} requests counted across the instances`);
if (process.env.PUBLIC_URL) {
  const outside = await fetch(`${process.env.PUBLIC_URL}/metrics`, {
    headers: { authorization: `Bearer ${process.env.METRICS_TOKEN}` },
  });
  if (outside.status !== 404) fail(`the proxy passed /metrics on (${outside.status})`);
}

// --- logs ----------------------------------------------------------------

const secrets = [
  ...new Set(
    readFileSync(process.env.MADANG_SECRETS_FILE, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line)),
  ),
];
if (secrets.length === 0) fail("the specs noted no secret: the search below would prove nothing");

let requestLines = 0;
let withMember = 0;
const logs = process.argv.slice(2);
for (const file of logs) {
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  const json = file.endsWith("server.log");
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const secret of secrets) {
      // As written, and as JSON escapes it.
      const escaped = JSON.stringify(secret).slice(1, -1);
      if (line.includes(secret) || line.includes(escaped)) fail(`${where} holds ${JSON.stringify(secret)}`);
    }
    if (!json) return;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      fail(`${where} is not JSON: ${line.slice(0, 120)}`);
      return;
    }
    if (!entry.timestamp || !entry.level) fail(`${where} has no timestamp or level`);
    if (entry.message === "request") {
      requestLines += 1;
      const span = entry.span ?? {};
      if (!span.request_id || !span.route || !span.method || !entry.status || entry.latency_ms === undefined) {
        fail(`${where}: a request line without id, method, route, status or latency`);
      }
      if (span.member !== undefined) withMember += 1;
      if ("uri" in span || "path" in span) fail(`${where}: a request line with the raw path`);
    }
  });
}
if (requestLines === 0) fail("no request lines logged");
if (requestLines > 0 && withMember === 0) fail("no request line names a signed-in member");

console.log(
  `check-logs: ${logs.length} logs, ${requestLines} request lines (${withMember} of signed-in members), ` +
    `searched for ${secrets.length} secrets the specs sent`,
);
if (problems.length > 0) {
  for (const problem of problems.slice(0, 50)) console.error(`check-logs: ${problem}`);
  process.exit(1);
}
