// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Sign-in forms tell the server the browser's time zone: the user's default for dates and times.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll("input[data-browser-zone]").forEach((input) => { input.value = zone || ""; });
  document.body.addEventListener("htmx:afterSwap", (event) => {
    // Swaps made by htmx.swap (server-sent events) carry no detail.target: use the event's.
    const target = event.detail.target || event.target;
    const invalid = target.querySelector("[aria-invalid='true']");
    if (invalid) invalid.focus();
  });
});

// A wide table scrolls sideways in its own box (.table-scroll) on a narrow screen. While it
// does, the box takes the keyboard focus, so arrow keys scroll it, and is announced as a
// region named after its table's caption or heading; once everything fits, it is plain again.
const scrollBoxes = new ResizeObserver((entries) => entries.forEach((entry) => fitScrollBox(entry.target)));

function fitScrollBox(box) {
  if (box.scrollWidth > box.clientWidth + 1) {
    if (box.hasAttribute("tabindex")) return;
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", scrollBoxName(box));
  } else {
    ["tabindex", "role", "aria-label"].forEach((name) => box.removeAttribute(name));
  }
}

function scrollBoxName(box) {
  const caption = box.querySelector("caption");
  if (caption) return caption.textContent.trim();
  for (let node = box; node; node = node.parentElement) {
    for (let before = node.previousElementSibling; before; before = before.previousElementSibling) {
      if (/^(H[1-6]|SUMMARY|LEGEND)$/.test(before.tagName)) return before.textContent.trim();
    }
  }
  return document.title;
}

function watchScrollBoxes(root) {
  const boxes = [...root.querySelectorAll(".table-scroll")];
  if (root.matches && root.matches(".table-scroll")) boxes.push(root);
  boxes.forEach((box) => scrollBoxes.observe(box));
}

document.addEventListener("DOMContentLoaded", () => {
  watchScrollBoxes(document);
  document.body.addEventListener("htmx:load", (event) => watchScrollBoxes(event.target));
});
