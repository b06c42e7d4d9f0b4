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
