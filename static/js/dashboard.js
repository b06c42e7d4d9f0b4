// Trainer dashboard: the score trend as a uPlot line chart, per grouping chosen in the selector.
(function () {
  const COLOURS = ["#1f5fa8", "#d1495b", "#2a9d8f", "#e9a03b", "#6c4ab6", "#3d405b", "#8a6d3b"];
  let chart = null;

  function draw() {
    const holder = document.getElementById("trend-chart");
    const source = document.getElementById("trend-data");
    const select = document.getElementById("trend-group");
    if (chart) { chart.destroy(); chart = null; }
    if (!holder || !source || !select || typeof uPlot === "undefined") return;
    const group = JSON.parse(source.textContent)[select.value];
    if (!group) return;
    const lang = document.documentElement.lang || "en";
    const day = (t) => new Date(t * 1000).toLocaleDateString(lang, { day: "numeric", month: "short", year: "numeric" });
    const series = [{ label: holder.dataset.xLabel || "", value: (u, v) => (v == null ? "–" : day(v)) }].concat(group.labels.map((label, i) => ({
      label: label,
      stroke: COLOURS[i % COLOURS.length],
      width: 2,
      spanGaps: true,
      points: { size: 7 },
      value: (u, v) => (v == null ? "–" : v.toFixed(1)),
    })));
    const opts = {
      width: Math.max(holder.clientWidth, 280),
      height: 300,
      series: series,
      scales: { y: { range: [0, 100] } },
      axes: [{ values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toLocaleDateString(lang, { day: "numeric", month: "short" })) }, { label: holder.dataset.yLabel || "", values: (u, ticks) => ticks.map((t) => t.toFixed(0)) }],
    };
    chart = new uPlot(opts, [group.x].concat(group.y), holder);
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("change", (event) => {
    if (event.target.id === "trend-group") draw();
  });
  document.addEventListener("htmx:beforeSwap", (event) => {
    // Keep the chosen grouping when the trend is redrawn after a drill was scored.
    if (event.detail.target && event.detail.target.id === "dashboard-trend") {
      const select = document.getElementById("trend-group");
      window.__trendGroup = select ? select.value : "all";
    }
  });
  document.addEventListener("htmx:afterSettle", () => {
    const select = document.getElementById("trend-group");
    if (select && window.__trendGroup) { select.value = window.__trendGroup; window.__trendGroup = null; }
    if (document.getElementById("trend-chart") && !document.querySelector("#trend-chart .uplot")) draw();
  });
  window.addEventListener("resize", () => { if (chart) draw(); });
})();
