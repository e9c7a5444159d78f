// The overview's refresh: polls /console/api/overview and redraws the figures, the tables and the uPlot chart.
// No inline script (the Content-Security-Policy forbids it); every value is set with textContent, never as HTML.
// The chart, the window switch and the formatters are the app page's too (web-common/overview-common.js).
import uPlot from "/console/uplot/uPlot.esm.js";
import { activityChart, age, byId, cell, utcTime, windowButtons } from "/console/static/overview-common.js";

const REFRESH_MS = 5000;
let windowName = "hour";
const chart = activityChart(uPlot, {
  subject: "All stores",
  strokes: ["#2848c8", "#146c43", "#8a4b00", "#a4161a"],
  emptyText: "Nothing received yet in this window.",
});

function totalSeries(overview) {
  const length = overview.stores.reduce((max, s) => Math.max(max, s.series.length), 0);
  const series = [[], [], [], [], []];
  for (let i = 0; i < length; i++) {
    let start = 0, received = 0, synced = 0, retried = 0, dead = 0;
    for (const store of overview.stores) {
      const bucket = store.series[i];
      if (!bucket) continue;
      start = bucket.startMs / 1000;
      received += bucket.received; synced += bucket.synced; retried += bucket.retried; dead += bucket.dead;
    }
    series[0].push(start); series[1].push(received); series[2].push(synced); series[3].push(retried); series[4].push(dead);
  }
  return series;
}

function drawChart(overview) {
  chart.draw(totalSeries(overview), overview.bucketSeconds, windowName);
}

function fillStores(overview) {
  const body = byId("stores").tBodies[0];
  body.replaceChildren();
  for (const store of overview.stores) {
    const row = document.createElement("tr");
    row.dataset.store = store.store;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = store.store;
    row.appendChild(th);
    cell(row, String(store.totals.received), "received");
    cell(row, String(store.totals.synced), "synced");
    cell(row, String(store.totals.retried), "retried");
    cell(row, String(store.totals.dead), "dead");
    cell(row, String(store.open));
    cell(row, age(store.oldestOpenAgeSeconds));
    cell(row, !store.quota || store.quota.limit < 0 ? "not known yet" : `${store.quota.left} of ${store.quota.limit}`);
    body.appendChild(row);
  }
}

function fillStreaming(streaming) {
  byId("streaming-summary").textContent = streaming.enabled
    ? `Leader: ${streaming.leader ?? "none"}` : "Streaming is off.";
  const body = byId("channels").tBodies[0];
  body.replaceChildren();
  for (const channel of streaming.channels) {
    const row = document.createElement("tr");
    if (channel.nearRetention) row.className = "warn";
    cell(row, channel.channel);
    cell(row, String(channel.replayId));
    cell(row, age(channel.ageSeconds) + (channel.nearRetention ? " — near the 72 h retention" : ""));
    body.appendChild(row);
  }
}

function fillErrors(errors) {
  const body = byId("errors").tBodies[0];
  body.replaceChildren();
  for (const failure of errors) {
    const row = document.createElement("tr");
    cell(row, utcTime(failure.atMs));
    const record = `${failure.entity.storeHash} ${failure.entity.type} ${failure.entity.id}`;
    if (failure.timeline) {
      // The server built the address (same-origin path); set as an attribute, never as HTML.
      const link = document.createElement("a");
      link.className = "timeline-link";
      link.href = failure.timeline;
      link.textContent = record;
      const td = document.createElement("td");
      td.appendChild(link);
      row.appendChild(td);
    } else {
      cell(row, record);
    }
    cell(row, failure.error, "error-text");
    body.appendChild(row);
  }
}

function show(overview) {
  const items = overview.workItems;
  byId("q-pending").textContent = items.PENDING;
  byId("q-running").textContent = items.IN_PROGRESS;
  byId("q-done").textContent = items.DONE;
  byId("q-dead").textContent = items.DEAD;
  byId("q-oldest").textContent = age(overview.oldestOpenItemAgeSeconds);
  const api = overview.salesforceApi;
  byId("sf-api").textContent = api.used == null || api.limit == null || api.limit <= 0 || api.used < 0
    ? "not known yet" : `${api.used} of ${api.limit} (${Math.floor(api.used * 100 / api.limit)} %)`;
  fillStores(overview);
  fillStreaming(overview.streaming);
  fillErrors(overview.recentErrors);
  drawChart(overview);
  byId("refreshed").textContent = `As of ${utcTime(overview.generatedAtMs)}`;
  document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes || 0) + 1);
}

async function refresh() {
  try {
    const response = await fetch(`/console/api/overview?window=${windowName}`, { credentials: "same-origin" });
    if (response.status === 401) { window.location.assign("/sign-in"); return; }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    show(await response.json());
  } catch (error) {
    byId("refreshed").textContent = `Refresh failed (${error.message}); retrying.`;
  }
}

windowButtons((name) => {
  windowName = name;
  refresh();
});
refresh();
setInterval(refresh, REFRESH_MS);
