// The studio's storm preview: posts per minute (bars) and the phases' planned volume (line),
// drawn with uPlot from the JSON of the holder's data-chart attribute (an attribute, not a JSON
// script block: htmx drops script elements from swapped content); redrawn after each swap.
(() => {
  "use strict";
  const HEIGHT = 260;
  let chart = null;

  function draw() {
    const holder = document.getElementById("preview-chart");
    if (chart) { chart.destroy(); chart = null; }
    if (!holder || !holder.dataset.chart || typeof uPlot === "undefined") return;
    const data = JSON.parse(holder.dataset.chart);
    const minutes = data.counted.map((_, i) => i);
    const labels = holder.dataset;
    const opts = {
      width: Math.max(holder.clientWidth, 280),
      height: HEIGHT,
      // Half a minute of room each side, so the first and last bars show whole.
      scales: { x: { time: false, range: () => [-0.5, minutes.length - 0.5] }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [{ label: labels.minute }, { label: labels.counted }],
      series: [
        { label: labels.minute },
        { label: labels.counted, stroke: "rgba(85, 85, 85, 0.6)", fill: "rgba(85, 85, 85, 0.35)",
          paths: uPlot.paths.bars({ size: [0.9, 40] }), points: { show: false } },
        { label: labels.planned, stroke: "#1f5fa8", width: 2, points: { show: false } },
      ],
    };
    chart = new uPlot(opts, [minutes, data.counted, data.planned], holder);
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", () => {
    // A swapped panel brings a new, empty chart holder (or none, after a refused field).
    if (!document.querySelector("#preview-chart .uplot")) draw();
  });
  window.addEventListener("resize", () => { if (chart) draw(); });
})();
