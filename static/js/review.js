// The review page: the timeline chart (uPlot) with marks for the team's actions, the injects
// and the annotations; findings and marks link to the items they point at.
(() => {
  "use strict";
  const COLOUR = {
    volume: "rgba(85, 85, 85, 0.45)", negative: "#e07b73", sentiment: "#1b7f3b",
    anger: "#b3261e", action: "rgba(43, 108, 176, 0.5)", inject: "#d97706",
    note: "#7c3aed", highlight: "#e0a800",
  };
  const HEIGHT = 320;
  let chart = null;
  let data = null;
  let marks = [];
  let highlightAt = null;

  const anchor = (kind, id) => `${kind}-` + String(id).replace(`${kind}:`, "").replace(/[^A-Za-z0-9_-]/g, "-");
  const clock = (s) => {
    const whole = Math.round(s), h = Math.floor(whole / 3600), m = Math.floor((whole % 3600) / 60);
    const sec = String(whole % 60).padStart(2, "0");
    return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
  };
  const excerpt = (text) => (text && text.length > 140 ? text.slice(0, 139) + "…" : text || "");

  function collectMarks() {
    const found = [];
    for (const a of data.actions) {
      found.push({ at: a.at_s, kind: "action", id: anchor("action", a.id),
        text: `${clock(a.at_s)} · ${a.kind}${a.role ? " (" + a.role + ")" : ""}${a.text ? ": " + excerpt(a.text) : ""}` });
    }
    for (const i of data.injects) {
      found.push({ at: i.at_s, kind: "inject", id: anchor("inject", i.id),
        text: `${clock(i.at_s)} · ${i.actor || i.channel}: ${excerpt(i.text)}` });
    }
    for (const el of document.querySelectorAll("[data-annotation-at]")) {
      const at = parseFloat(el.dataset.annotationAt);
      const home = el.id ? el : el.closest("[id]");
      if (!Number.isNaN(at)) found.push({ at, kind: "note", id: home ? home.id : "", text: `✎ ${clock(at)} · ${el.dataset.annotationText}` });
    }
    marks = found;
  }

  function drawMarks(u) {
    const ctx = u.ctx, top = u.bbox.top, bottom = u.bbox.top + u.bbox.height;
    const ratio = window.devicePixelRatio || 1;
    ctx.save();
    for (const mark of marks) {
      const x = u.valToPos(mark.at / 60, "x", true);
      if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
      ctx.beginPath();
      if (mark.kind === "note") {
        ctx.fillStyle = COLOUR.note;
        ctx.arc(x, top + 6 * ratio, 4 * ratio, 0, 2 * Math.PI);
        ctx.fill();
        continue;
      }
      ctx.strokeStyle = COLOUR[mark.kind];
      ctx.lineWidth = ratio;
      ctx.setLineDash(mark.kind === "inject" ? [4 * ratio, 3 * ratio] : []);
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
    }
    if (highlightAt !== null) {
      const x = u.valToPos(highlightAt / 60, "x", true);
      ctx.beginPath();
      ctx.setLineDash([]);
      ctx.strokeStyle = COLOUR.highlight;
      ctx.lineWidth = 4 * ratio;
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
    }
    ctx.restore();
  }

  function nearestMark(u, left) {
    let best = null, distance = 6;
    for (const mark of marks) {
      const d = Math.abs(u.valToPos(mark.at / 60, "x") - left);
      if (d < distance) { best = mark; distance = d; }
    }
    return best;
  }

  function showTip(u) {
    const tip = document.getElementById("timeline-tip");
    const left = u.cursor.left;
    const mark = left == null || left < 0 ? null : nearestMark(u, left);
    if (!mark) { tip.hidden = true; return; }
    tip.textContent = mark.text;
    tip.hidden = false;
    const box = u.over.getBoundingClientRect(), home = tip.parentElement.getBoundingClientRect();
    tip.style.left = `${Math.min(box.left - home.left + left + 10, home.width - 240)}px`;
    tip.style.top = `${box.top - home.top + 8}px`;
  }

  function options(el) {
    const labels = data.labels;
    return {
      width: el.clientWidth || 600,
      height: HEIGHT,
      scales: { x: { time: false }, y: { range: (u, min, max) => [0, Math.max(1, max)] }, mood: { range: [-1, 1] } },
      axes: [
        { label: labels.minute },
        { label: labels.volume, scale: "y" },
        { label: labels.mood, scale: "mood", side: 1, grid: { show: false } },
      ],
      series: [
        { label: labels.minute },
        { label: labels.volume, scale: "y", stroke: COLOUR.volume, fill: COLOUR.volume,
          paths: uPlot.paths.bars({ size: [0.9, 40] }), points: { show: false } },
        { label: labels.negative, scale: "y", stroke: COLOUR.negative, dash: [4, 3], points: { show: false } },
        { label: labels.sentiment, scale: "mood", stroke: COLOUR.sentiment, width: 2, points: { show: false } },
        { label: labels.anger, scale: "mood", stroke: COLOUR.anger, width: 2, points: { show: false } },
      ],
      hooks: { draw: [drawMarks], setCursor: [showTip] },
    };
  }

  function highlight(at) {
    highlightAt = at;
    if (chart) chart.redraw(false);
  }

  function atOf(element) {
    if (!element) return null;
    const value = parseFloat(element.dataset.atS);
    return Number.isNaN(value) ? null : value;
  }

  function onLink(event) {
    const link = event.target.closest && event.target.closest("a.evidence-link");
    if (!link) return;
    const target = document.getElementById(link.getAttribute("href").slice(1));
    const at = link.dataset.atS !== undefined ? parseFloat(link.dataset.atS) : atOf(target);
    if (at !== null && !Number.isNaN(at)) highlight(at);
  }

  function start() {
    const source = document.getElementById("review-timeline-data");
    const el = document.getElementById("timeline-chart");
    if (!source || !el || typeof uPlot === "undefined") return;
    data = JSON.parse(source.textContent);
    collectMarks();
    const series = [data.minutes, data.volume, data.negative, data.sentiment, data.anger];
    chart = new uPlot(options(el), series, el);
    chart.over.addEventListener("click", () => {
      const mark = nearestMark(chart, chart.cursor.left);
      if (mark && mark.id) {
        highlight(mark.at);
        window.location.hash = mark.id;
      }
    });
    chart.over.addEventListener("mouseleave", () => { document.getElementById("timeline-tip").hidden = true; });
    window.addEventListener("resize", () => chart.setSize({ width: el.clientWidth, height: HEIGHT }));
    if (window.location.hash) highlight(atOf(document.getElementById(window.location.hash.slice(1))));
  }

  document.addEventListener("DOMContentLoaded", () => {
    start();
    document.addEventListener("click", onLink);
    document.body.addEventListener("htmx:afterSettle", () => {
      if (!chart) return;
      collectMarks();
      chart.redraw(false);
    });
  });
})();
