// The team console: simulated clock and countdowns, feed filters and pause, composer helpers.
// The server streams HTML (htmx-ext-sse swaps it in); this file only keeps the page alive.
(() => {
  "use strict";
  const MAX_POSTS = 300;
  const SPARK_POINTS = 60;
  const NOTICE_MS = 6000;
  const state = { status: "scheduled", simS: 0, speed: 1, at: performance.now() };
  const volume = [];
  let paused = false;
  let queued = 0;
  let sentiment = null;  // the audience model's, from the last feed summary

  const $ = (selector) => document.querySelector(selector);
  const plural = (template, n) => template.replace("{n}", String(n));
  // An element's data-one or data-many label for n, by the page language's plural rules.
  const counted = (element, n) => {
    const one = new Intl.PluralRules(document.documentElement.lang).select(n) === "one";
    return plural(one ? element.dataset.one : element.dataset.many, n);
  };

  function simNow() {
    if (state.status !== "running") return state.simS;
    return state.simS + ((performance.now() - state.at) / 1000) * state.speed;
  }

  function clockText(seconds) {
    const whole = Math.max(0, Math.floor(seconds));
    const mm = String(Math.floor(whole / 60)).padStart(2, "0");
    return `${mm}:${String(whole % 60).padStart(2, "0")}`;
  }

  function tick() {
    const sim = simNow();
    const clock = $("#console-clock");
    if (clock) clock.textContent = `T+${clockText(sim)}`;
    document.querySelectorAll("[data-deadline-s]").forEach((el) => {
      const left = Number(el.dataset.deadlineS) - sim;
      el.textContent = left >= 0 ? clockText(left) : el.dataset.overdue;
      el.classList.toggle("overdue", left < 0);
    });
    document.querySelectorAll("[data-since-s]").forEach((el) => {
      el.textContent = clockText(sim - Number(el.dataset.sinceS));
    });
    document.querySelectorAll("meter[data-live='1']").forEach((el) => { el.value = sim; });
    const inbox = $("#console-inbox");
    if (inbox && inbox.dataset.nextAtS && sim >= Number(inbox.dataset.nextAtS)) {
      delete inbox.dataset.nextAtS;
      htmx.trigger(inbox.parentElement, "inbox-due");
    }
    const rumours = $("#composer-rumour");
    if (rumours && rumours.dataset.nextAtS && sim >= Number(rumours.dataset.nextAtS)) {
      delete rumours.dataset.nextAtS;
      htmx.trigger(rumours, "rumour-due");
    }
  }

  // A rumour post the list does not offer yet: the list asks the server for the rumours so far.
  function noticeRumour(post) {
    const rumours = $("#composer-rumour");
    const id = post.dataset.rumour;
    if (!rumours || !id || [...rumours.options].some((o) => o.value === id)) return;
    htmx.trigger(rumours, "rumour-seen");
  }

  // The placeholders a text still holds ({next_update}…), listed under the composer's text.
  function showPlaceholders() {
    const text = $("#composer-text");
    const box = $("#composer-placeholders");
    if (!text || !box) return;
    const left = [...new Set(text.value.match(/\{\w+\}/g) || [])];
    const names = box.querySelector(".names");
    names.replaceChildren(...left.map((name) => {
      const mark = document.createElement("mark");
      mark.textContent = name;
      return mark;
    }));
    box.hidden = left.length === 0;
  }

  function onClock(event) {
    const data = JSON.parse(event.data);
    const before = state.status;
    Object.assign(state, { status: data.status, simS: data.sim_s, speed: data.speed, at: performance.now() });
    const badge = $("#console-status");
    if (badge) {
      const labels = JSON.parse(badge.dataset.labels);
      badge.textContent = labels[data.status] || data.status;
      badge.className = `badge status-${data.status}`;
    }
    const speed = $("#console-speed");
    if (speed) speed.textContent = String(data.speed);
    if (data.status === "ended" && before !== "ended") showEnded();
  }

  // The drill is over: the page says so, links on (review, debrief) and closes every form that
  // could still write, without a reload (panels swapped in later come closed from the server).
  function showEnded() {
    const root = $("#console");
    if (root) root.dataset.status = "ended";
    const ended = $("#console-ended");
    if (ended) ended.hidden = false;
    document.querySelectorAll("[data-closes-at-end]").forEach((set) => { set.disabled = true; });
    document.querySelectorAll("#console-checklist button, #console-approvals button")
      .forEach((button) => { button.disabled = true; });
  }

  // A "done" notice says what happened, then goes: after a few seconds or at the next action.
  function dismissLater() {
    document.querySelectorAll("[data-transient]:not([data-timer])").forEach((notice) => {
      notice.dataset.timer = "1";
      window.setTimeout(() => notice.remove(), NOTICE_MS);
    });
  }

  function dismissNow() {
    document.querySelectorAll("[data-transient]").forEach((notice) => notice.remove());
  }

  function matches(post) {
    const wanted = [...document.querySelectorAll(".feed-filter:checked")].map((box) => box.value);
    const tests = {
      journalist: post.dataset.persona === "journalist",
      "high-reach": post.dataset.highReach === "1",
      rumour: post.dataset.rumour !== "",
      "to-us": post.dataset.toUs === "1",
    };
    const search = ($("#feed-search")?.value || "").trim().toLowerCase();
    // The words around a post come in every language: search only those of the page's.
    const shown = `.post-name, .handle, .post-text, .ui-${document.documentElement.lang}`;
    const text = [...post.querySelectorAll(shown)].map((node) => node.textContent).join(" ");
    const found = !search || text.toLowerCase().includes(search);
    return found && wanted.every((name) => tests[name]);
  }

  function applyFilters() {
    document.querySelectorAll("#feed-posts .post").forEach((post) => {
      post.classList.toggle("filtered", !matches(post));
    });
  }

  function showQueued() {
    document.querySelectorAll("#feed-posts .post.queued").forEach((post) => post.classList.remove("queued"));
    queued = 0;
    const button = $("#feed-queued");
    if (button) button.hidden = true;
  }

  function onPost() {
    const list = $("#feed-posts");
    const post = list.firstElementChild;
    if (!post) return;
    noticeRumour(post);
    post.classList.toggle("filtered", !matches(post));
    if (paused) {
      post.classList.add("queued");
      queued += 1;
      const button = $("#feed-queued");
      button.textContent = counted(button, queued);
      button.hidden = false;
    } else {
      list.scrollTop = 0;
    }
    while (list.children.length > MAX_POSTS) list.lastElementChild.remove();
  }

  // The simulated audience's mood, as the storm's model has it (the review's timeline shows the
  // same); kept to draw again when the KPI panel is swapped in anew.
  function showMood(data) {
    if (typeof data.sentiment !== "number") return;
    sentiment = data.sentiment;
    drawMood();
  }

  function drawMood() {
    if (sentiment === null) return;
    const meter = $("#kpi-sentiment");
    const label = $("#kpi-sentiment-label");
    if (meter) meter.value = sentiment;
    if (label) label.textContent = sentiment.toFixed(2);
  }

  function onSummary(event) {
    const data = JSON.parse(event.data);
    const hidden = data.hidden_last_minute;
    const summary = $("#feed-summary");
    if (summary) {
      summary.textContent = hidden ? counted(summary, hidden) : "";
    }
    const shown = [...document.querySelectorAll("#feed-posts .post")]
      .filter((p) => Number(p.dataset.atS) > data.sim_s - 60).length;
    volume.push(shown + hidden);
    if (volume.length > SPARK_POINTS) volume.shift();
    drawVolume();
    showMood(data);
  }

  function drawVolume() {
    const line = $("#kpi-volume polyline");
    if (!line || !volume.length) return;
    const top = Math.max(1, ...volume);
    const step = 120 / (SPARK_POINTS - 1);
    line.setAttribute("points", volume.map((v, i) => `${(i * step).toFixed(1)},${(29 - (v / top) * 28).toFixed(1)}`).join(" "));
    const label = $("#kpi-volume-label");
    if (label) label.textContent = String(volume[volume.length - 1]);
  }

  function countChars() {
    const text = $("#composer-text");
    const count = $("#composer-count");
    if (!text || !count) return;
    const n = text.value.length;
    count.textContent = n > 280 ? `${n}/280 · ${count.dataset.over}` : `${n}/280`;
    count.classList.toggle("overdue", n > 280);
  }

  function fillTarget(field, value, label) {
    const input = $(field);
    if (input && input.tagName === "SELECT" && ![...input.options].some((o) => o.value === value)) {
      input.add(new Option(label || value, value));  // a rumour that surfaced after the page loaded
    }
    if (input) input.value = value;
    $("#composer-text")?.focus();
  }

  document.addEventListener("click", (event) => {
    const reply = event.target.closest(".post-reply");
    if (reply) fillTarget("#composer-reply", reply.dataset.replyTo);
    const correct = event.target.closest(".post-correct");
    if (correct) {
      const text = correct.closest(".post")?.querySelector(".post-text")?.textContent || "";
      fillTarget("#composer-rumour", correct.dataset.rumour, text.slice(0, 70));
    }
    if (event.target.closest("#feed-queued")) showQueued();
    const pause = event.target.closest("#feed-pause");
    if (pause) {
      paused = !paused;
      pause.setAttribute("aria-pressed", String(paused));
      pause.textContent = paused ? pause.dataset.resume : pause.dataset.pause;
      if (!paused) showQueued();
    }
  });

  document.addEventListener("change", (event) => {
    if (event.target.matches(".feed-filter")) applyFilters();
    if (event.target.matches("#composer-message")) {
      const option = event.target.selectedOptions[0];
      if (option && option.dataset.text) {
        $("#composer-text").value = option.dataset.text;
        const audience = $("#composer-audience");
        if (audience && option.dataset.audience) audience.value = option.dataset.audience;
        countChars();
        showPlaceholders();
      }
    }
  });

  document.addEventListener("input", (event) => {
    if (event.target.matches("#feed-search")) applyFilters();
    if (event.target.matches("#composer-text")) { countChars(); showPlaceholders(); }
    if (event.target.closest("#composer-form")) dismissNow();
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
    const form = event.target.closest("#composer-form");
    if (!form) return;
    event.preventDefault();
    // A click, not requestSubmit: htmx sends the clicked button's name and value with the form.
    const primary = form.querySelector("[data-primary]");
    if (primary) primary.click();
  });

  document.addEventListener("DOMContentLoaded", () => {
    const root = $("#console") || $("#control-live");  // the team's or the facilitator's console
    if (!root) return;
    Object.assign(state, {
      status: root.dataset.status,
      simS: Number(root.dataset.simS),
      speed: Number(root.dataset.speed),
      at: performance.now(),
    });
    root.addEventListener("htmx:sseOpen", (event) => {
      const source = event.detail.source;
      source.addEventListener("clock", onClock);
      source.addEventListener("feed-summary", onSummary);
    });
    root.addEventListener("htmx:sseMessage", (event) => {
      if (event.target.id === "feed-posts") onPost();
    });
    document.body.addEventListener("htmx:afterSwap", () => {
      countChars(); showPlaceholders(); drawVolume(); drawMood(); tick(); dismissLater();
    });
    document.body.addEventListener("htmx:beforeRequest", (event) => {
      if (event.detail.requestConfig?.verb === "post") dismissNow();
    });
    countChars();
    dismissLater();
    showPlaceholders();
    tick();
    window.setInterval(tick, 250);
  });
})();
