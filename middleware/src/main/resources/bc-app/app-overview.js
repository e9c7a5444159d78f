// The BigCommerce app page's refresh: polls this store's overview and redraws the figures, the totals, the last
// errors and the uPlot chart, as the console's overview.js does for every store. Inside the control panel's
// cross-site iframe the console's SameSite=Strict cookie is never sent, so the page's credential is the token /bc/load
// wrote into data-token: for this store only, read-only, expiring (AppPageTokens). It goes in the Authorization
// header, never in a URL. No inline script (the CSP forbids it); every value is set with textContent, never as HTML.
import uPlot from "/bc/uplot/uPlot.esm.js";

const root = document.getElementById("app-overview");
const store = root.dataset.store;
const token = root.dataset.token;
const refreshMs = Number(root.dataset.refreshSeconds || 5) * 1000;
let windowName = "hour";
let chart = null;
let timer = null;

const byId = (id) => document.getElementById(id);
const age = (seconds) => {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
};
const when = (ms) => new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
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
  if (chart && chart.windowName === windowName) {
    chart.setData(data);
    return;
  }
  if (chart) chart.destroy();
  const host = byId("chart");
  host.textContent = "";
  const per = view.bucketSeconds === 60 ? "per minute" : `per ${view.bucketSeconds / 60} minutes`;
  chart = new uPlot({
    width: Math.max(320, host.clientWidth || 900),
    height: 280,
    title: `This store, ${per}`,
    series: [
      {},
      { label: "Received", stroke: "#3c64f4", width: 2 },
      { label: "Synced", stroke: "#1a7346", width: 2 },
      { label: "Synced after retry", stroke: "#8a4b00", width: 2 },
      { label: "Dead", stroke: "#b3261e", width: 2 },
    ],
    axes: [{}, { label: "items" }],
  }, data, host);
  chart.windowName = windowName;
}

function fillErrors(errors) {
  const body = byId("errors").tBodies[0];
  body.replaceChildren();
  for (const failure of errors) {
    const row = document.createElement("tr");
    for (const [text, className] of [[when(failure.atMs)], [`${failure.type} ${failure.id}`], [failure.error, "error-text"]]) {
      const td = document.createElement("td");
      td.textContent = text;
      if (className) td.className = className;
      row.appendChild(td);
    }
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
  byId("refreshed").textContent = `As of ${when(view.generatedAtMs)}`;
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

function choose(name) {
  windowName = name;
  byId("window-hour").setAttribute("aria-pressed", String(name === "hour"));
  byId("window-day").setAttribute("aria-pressed", String(name === "day"));
  if (timer !== null) refresh();
}

byId("window-hour").addEventListener("click", () => choose("hour"));
byId("window-day").addEventListener("click", () => choose("day"));
timer = setInterval(refresh, refreshMs);
refresh();
