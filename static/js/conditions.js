// The injects page of the scenario editor: for each inject, show only the select its condition
// needs (the rumour, the fact or the message). Without this file every select shows and the
// server reads only the one of the chosen kind.
(() => {
  "use strict";

  function update(row) {
    const kind = row.querySelector('select[name$=".when.kind"]').value;
    for (const part of row.querySelectorAll("[data-condition-for]")) {
      part.hidden = part.dataset.conditionFor !== kind;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const row of document.querySelectorAll("[data-condition]")) {
      update(row);
      row.addEventListener("change", () => update(row));
    }
  });
})();
