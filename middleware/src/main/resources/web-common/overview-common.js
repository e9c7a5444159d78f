// What the console's overview (console/overview.js) and the BigCommerce app page (bc-app/app-overview.js) draw
// alike: the activity chart, the hour/day switch and the small formatters. One file, served from this folder under
// both /console/static/ and /bc/static/ (application.yml), so each page loads it from its own origin and path under
// its `script-src 'self'`. It imports nothing: each page passes in uPlot from its own path (/console/uplot/ or
// /bc/uplot/). Every value is set with textContent, never as HTML.

export const byId = (id) => document.getElementById(id);

/** A duration in seconds as the pages show it: "90 s", "42 min", "5 h 3 min", "2 d 4 h"; "—" when not known. */
export const age = (seconds) => {
  if (seconds === null || seconds === undefined) return "—";
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
};

/** Epoch milliseconds as "2024-05-01 12:34:56 UTC". */
export const utcTime = (ms) => new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");

/** Appends a table cell holding the text (and the class, if any) to the row. */
export const cell = (row, text, className) => {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
};

/**
 * The chart of received, synced, synced-after-retry and dead items per bucket, in the element with id "chart".
 * `subject` starts the title ("All stores"), `strokes` are the four lines' colours in that order (each page keeps
 * its own palette), and `emptyText`, if given, stands instead of the chart while the window has no bucket. New data
 * in the same window only updates the chart; another window re-creates it (its buckets differ in size).
 */
export function activityChart(uPlot, { subject, strokes, emptyText }) {
  const [received, synced, retried, dead] = strokes;
  let chart = null;
  let drawnWindow = null;
  const discard = () => {
    if (chart) chart.destroy();
    chart = null;
  };
  return {
    /** `data` is uPlot's: bucket starts in epoch seconds, then the four series. */
    draw(data, bucketSeconds, windowName) {
      const host = byId("chart");
      if (emptyText !== undefined && data[0].length === 0) {
        host.textContent = emptyText;
        discard();
        return;
      }
      if (chart && drawnWindow === windowName) {
        chart.setData(data);
        return;
      }
      discard();
      host.textContent = "";
      const per = bucketSeconds === 60 ? "per minute" : `per ${bucketSeconds / 60} minutes`;
      chart = new uPlot({
        width: Math.max(320, host.clientWidth || 900),
        height: 280,
        title: `${subject}, ${per}`,
        series: [
          {},
          { label: "Received", stroke: received, width: 2 },
          { label: "Synced", stroke: synced, width: 2 },
          { label: "Synced after retry", stroke: retried, width: 2 },
          { label: "Dead", stroke: dead, width: 2 },
        ],
        axes: [{}, { label: "items" }],
      }, data, host);
      drawnWindow = windowName;
    },
  };
}

/** Wires the "window-hour" and "window-day" buttons: marks the pressed one and hands its window to `choose`. */
export function windowButtons(choose) {
  const press = (name) => {
    byId("window-hour").setAttribute("aria-pressed", String(name === "hour"));
    byId("window-day").setAttribute("aria-pressed", String(name === "day"));
    choose(name);
  };
  byId("window-hour").addEventListener("click", () => press("hour"));
  byId("window-day").addEventListener("click", () => press("day"));
}
