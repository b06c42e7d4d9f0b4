// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  document.body.addEventListener("htmx:afterSwap", (event) => {
    // Swaps made by htmx.swap (server-sent events) carry no detail.target: use the event's.
    const target = event.detail.target || event.target;
    const invalid = target.querySelector("[aria-invalid='true']");
    if (invalid) invalid.focus();
  });
});
