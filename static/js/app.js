// Small progressive enhancements; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  document.body.addEventListener("htmx:afterSwap", (event) => {
    const invalid = event.detail.target.querySelector("[aria-invalid='true']");
    if (invalid) invalid.focus();
  });
});
