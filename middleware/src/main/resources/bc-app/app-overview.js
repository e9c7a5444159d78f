// The BigCommerce app page's refresh: polls this store's overview and redraws the figures, the totals, the last
// errors and the uPlot chart, as the console's overview.js does for every store. Inside the control panel's
// cross-site iframe the console's SameSite=Strict cookie is never sent, so the page's credential is the token /bc/load
// wrote into data-token: for this store only, read-only, expiring (AppPageTokens). It goes in the Authorization
// header, never in a URL. No inline script (the CSP forbids it); every value is set with textContent, never as HTML.
// The chart, the window switch and the formatters are the console's too (web-common/overview-common.js).
import uPlot from "/bc/uplot/uPlot.esm.js";
import { activityChart, age, byId, cell, utcTime, windowButtons } from "/bc/static/overview-common.js";

const root = document.getElementById("app-overview");
const store = root.dataset.store;
const token = root.dataset.token;
const refreshMs = Number(root.dataset.refreshSeconds || 5) * 1000;
let windowName = "hour";
const chart = activityChart(uPlot, {
  subject: "This store",
  strokes: ["#3c64f4", "#1a7346", "#8a4b00", "#b3261e"],
});
let timer = null;

const budget = (quota) => !quota || quota.limit < 0 ? "not known yet" : `${quota.left} of ${quota.limit} requests`;

function streaming(summary) {
  if (!summary.enabled) return "off";
  if (summary.channels === 0) return "on, no event received yet";
  return `on, ${summary.channels} ${summary.channels === 1 ? "channel" : "channels"}, oldest position `
    + `${age(summary.oldestReplayAgeSeconds)} old`
    + (summary.nearRetention ? " — near Salesforce's 72 h retention" : "");
}

function drawChart(view) {
  const series = view.store.series;
  const data = [
    series.map((b) => b.startMs / 1000),
    series.map((b) => b.received),
    series.map((b) => b.synced),
    series.map((b) => b.retried),
    series.map((b) => b.dead),
  ];
  chart.draw(data, view.bucketSeconds, windowName);
}

function fillErrors(errors) {
  const body = byId("errors").tBodies[0];
  body.replaceChildren();
  for (const failure of errors) {
    const row = document.createElement("tr");
    cell(row, utcTime(failure.atMs));
    cell(row, `${failure.type} ${failure.id}`);
    cell(row, failure.error, "error-text");
    body.appendChild(row);
  }
  byId("errors").hidden = errors.length === 0;
  byId("no-errors").hidden = errors.length !== 0;
}

function show(view) {
  const s = view.store;
  byId("q-open").textContent = String(s.open);
  byId("q-oldest").textContent = age(s.oldestOpenAgeSeconds);
  byId("rate-budget").textContent = budget(s.quota);
  byId("streaming").textContent = streaming(view.streaming);
  const totals = byId("totals");
  totals.querySelector(".received").textContent = String(s.totals.received);
  totals.querySelector(".synced").textContent = String(s.totals.synced);
  totals.querySelector(".retried").textContent = String(s.totals.retried);
  totals.querySelector(".dead").textContent = String(s.totals.dead);
  byId("totals-caption").textContent = view.window === "day" ? "Over the last day" : "Over the last hour";
  fillErrors(view.recentErrors);
  drawChart(view);
  byId("refreshed").textContent = `As of ${utcTime(view.generatedAtMs)}`;
  root.dataset.refreshes = String(Number(root.dataset.refreshes || 0) + 1);
}

function stop(message) {
  clearInterval(timer);
  timer = null;
  root.dataset.stopped = "true";
  byId("refreshed").textContent = message;
}

async function refresh() {
  try {
    const response = await fetch(`/bc/api/stores/${encodeURIComponent(store)}/overview?window=${windowName}`, {
      headers: { Authorization: `Bearer ${token}` },
      credentials: "omit",
      cache: "no-store",
    });
    if (response.status === 401 || response.status === 403) {
      stop("This page has stopped refreshing. Open bcsync again from the control panel to see the latest figures.");
      return;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    show(await response.json());
  } catch (error) {
    byId("refreshed").textContent = `Refresh failed (${error.message}); retrying.`;
  }
}

windowButtons((name) => {
  windowName = name;
  if (timer !== null) refresh();
});
timer = setInterval(refresh, refreshMs);
refresh();
