// Plan authoring: a live character count for key messages, and the print button.
document.addEventListener("input", (event) => {
  const area = event.target;
  if (!area.matches || !area.matches("textarea[data-count]")) return;
  const output = document.getElementById(area.dataset.count);
  if (!output) return;
  output.textContent = area.value.length;
  output.parentElement.classList.toggle("over", area.value.length > Number(area.dataset.limit));
});
document.addEventListener("click", (event) => {
  if (event.target.matches && event.target.matches("[data-print]")) window.print();
});
