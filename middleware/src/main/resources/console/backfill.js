// The Backfill page's progress bars: every running backfill is polled at /console/api/backfill/{id} and its
// <progress>, counts, rate and ETA redrawn, until it ends. No inline script (the Content-Security-Policy forbids
// it); every value is set with textContent, never as HTML. Without this script the page still works: reload it.

const REFRESH_MS = 2000;

const eta = (seconds) => {
  if (seconds === null || seconds === undefined) return "—";
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, "0")}s` : `${seconds}s`;
};

function show(article, bar) {
  const p = bar.progress;
  const set = (selector, text) => {
    const element = article.querySelector(selector);
    if (element) element.textContent = text;
  };
  const progress = article.querySelector("progress");
  if (bar.percent === null) {
    progress.removeAttribute("value");
    progress.textContent = "unknown";
  } else {
    progress.value = bar.percent;
    progress.textContent = `${bar.percent} %`;
  }
  set(".percent", bar.percent === null ? "? %" : `${bar.percent} %`);
  set(".state", p.state);
  set(".customers", `${bar.customers}${p.customersTotal === null ? "" : " of " + p.customersTotal}`);
  set(".orders", `${bar.orders}${!p.ordersRemainingEstimate ? "" : " (~" + p.ordersRemainingEstimate + " left)"}`);
  set(".synced", String(bar.synced));
  set(".pending", String(bar.pending));
  set(".dead", String(bar.dead));
  set(".rate", `${p.ratePerMinute} / min`);
  set(".eta", eta(p.etaSeconds));
  set(".last-error", p.lastError || "");
  article.dataset.active = String(bar.active);
  if (!bar.active) {
    const cancel = article.querySelector("form.cancel");
    if (cancel) cancel.remove();
  }
}

function status(article, text) {
  const element = article.querySelector(".refresh-status");
  if (element) element.textContent = text;
}

async function refresh(article) {
  const id = article.dataset.backfill;
  try {
    const response = await fetch(`/console/api/backfill/${encodeURIComponent(id)}`, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (response.status === 401) {
      window.location.assign("/sign-in");
      return;
    }
    if (response.ok) {
      show(article, await response.json());
      article.dataset.refreshes = String(Number(article.dataset.refreshes || "0") + 1);
    }
    status(article, response.ok ? "" : `Refresh refused (${response.status}); trying again`);
  } catch (e) {
    // The server may be restarting: say so, and the next round tries again.
    status(article, "Could not reach the server; trying again");
  }
  if (article.dataset.active === "true") {
    setTimeout(() => refresh(article), REFRESH_MS);
  }
}

for (const article of document.querySelectorAll("article.backfill[data-active='true']")) {
  setTimeout(() => refresh(article), REFRESH_MS);
}
