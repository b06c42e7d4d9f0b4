// The scenario editor's phases page: the volume curve (uPlot), redrawn from the phase fields as
// the trainer types. The curve follows app/storm/volume.py (shape_value, VolumeCurve): keep them
// in step. Every page works without this file; the chart only shows what the fields say.
(() => {
  "use strict";
  const DURATION = /^\s*(?:(\d+)h)?\s*(?:(\d+)m)?\s*(?:(\d+)s)?\s*$/;
  const POINTS = 240;
  let chart = null;
  let pending = false;

  // Seconds from "90", "12m", "1h30m" or "45s" (as scenarios write times); null if unreadable.
  function seconds(text) {
    const match = DURATION.exec(text || "");
    if (!match || !match.slice(1).some((g) => g !== undefined)) return null;
    const [h, m, s] = match.slice(1).map((g) => parseInt(g || "0", 10));
    return h * 3600 + m * 60 + s;
  }

  function shapeValue(shape, start, end, x) {
    if (shape === "exponential" && start > 0 && end > 0) return start * Math.pow(end / start, x);
    if (shape === "plateau") return x < 0.8 ? start : start + (end - start) * (x - 0.8) / 0.2;
    if (shape === "decay") return end + (start - end) * Math.pow(1 - x, 2);
    return start + (end - start) * x;
  }

  function phases(form) {
    const found = [];
    for (const set of form.querySelectorAll("[data-phase]")) {
      const value = (suffix) => {
        const el = set.querySelector(`[name$="${suffix}"]`);
        return el ? el.value : "";
      };
      const removed = set.querySelector('[name$=".remove"]');
      if (removed && removed.checked) continue;
      const start = seconds(value(".start")), end = seconds(value(".end"));
      const from = parseFloat(value(".volume.start_per_min")), to = parseFloat(value(".volume.end_per_min"));
      if (start === null || end === null || end <= start || !isFinite(from) || !isFinite(to)) continue;
      found.push({ start, end, from, to, shape: value(".volume.shape") });
    }
    return found.sort((a, b) => a.start - b.start);
  }

  function perMinute(list, t) {
    let current = null;
    for (const phase of list) if (phase.start <= t) current = phase;
    if (!current || t >= current.end) return 0;
    const v = shapeValue(current.shape, current.from, current.to, (t - current.start) / (current.end - current.start));
    return isFinite(v) ? Math.max(0, v) : 0;
  }

  function curve(form) {
    const list = phases(form);
    const total = Math.max(seconds(form.querySelector('[name="duration"]').value) || 0, ...list.map((p) => p.end), 60);
    const xs = [], ys = [];
    for (let i = 0; i <= POINTS; i += 1) {
      const t = Math.min(total * i / POINTS, total - 0.001);
      xs.push(t / 60);
      ys.push(Math.round(perMinute(list, t) * 10) / 10);
    }
    return [xs, ys];
  }

  function describe(data) {
    const peak = document.getElementById("volume-peak");
    if (!peak) return;
    let best = 0;
    data[1].forEach((v, i) => { if (v > data[1][best]) best = i; });
    peak.textContent = peak.dataset.template
      .replace("{rate}", data[1][best].toLocaleString(document.documentElement.lang))
      .replace("{minute}", Math.round(data[0][best]));
  }

  function draw() {
    pending = false;
    const holder = document.getElementById("volume-chart");
    const form = holder && holder.closest("form");
    if (!form) return;
    const data = curve(form);
    describe(data);
    if (typeof uPlot === "undefined") return;
    if (chart) { chart.setData(data); return; }
    chart = new uPlot({
      width: Math.max(holder.clientWidth, 260),
      height: 240,
      scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [{ label: holder.dataset.xLabel }, { label: holder.dataset.yLabel }],
      series: [
        { label: holder.dataset.xLabel },
        { label: holder.dataset.yLabel, stroke: "#1d3557", fill: "rgba(29, 53, 87, 0.15)", width: 2, points: { show: false } },
      ],
    }, data, holder);
  }

  function later() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(draw);
  }

  // Redraw when a field of the chart's own form changes.
  function onEdit(event) {
    const form = event.target.form;
    if (form && form.querySelector("#volume-chart")) later();
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("input", onEdit);
  document.addEventListener("change", onEdit);
  window.addEventListener("resize", () => {
    const holder = document.getElementById("volume-chart");
    if (chart && holder) chart.setSize({ width: Math.max(holder.clientWidth, 260), height: 240 });
  });
})();
