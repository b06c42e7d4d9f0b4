// Tabs on narrow screens (WAI-ARIA tabs pattern): a [data-tabs] list of role="tab" buttons, each
// controlling a panel by aria-controls. On wide screens every panel shows and the list hides.
(() => {
  "use strict";
  const NARROW = window.matchMedia("(max-width: 1100px)");
  const KEYS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

  function setup(list) {
    const tabs = [...list.querySelectorAll("[role='tab']")];
    const panels = tabs.map((tab) => document.getElementById(tab.getAttribute("aria-controls")));
    const labels = panels.map((panel) => panel.getAttribute("aria-labelledby"));
    let current = 0;

    function select(index, focus) {
      current = (index + tabs.length) % tabs.length;
      tabs.forEach((tab, i) => {
        const on = i === current;
        tab.setAttribute("aria-selected", String(on));
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = NARROW.matches && !on;
      });
      if (focus) tabs[current].focus();
    }

    function apply() {
      const tabbed = NARROW.matches;
      list.parentElement.classList.toggle("tabbed", tabbed);
      panels.forEach((panel, i) => {
        if (tabbed) {
          panel.setAttribute("role", "tabpanel");
          panel.setAttribute("aria-labelledby", tabs[i].id);
          panel.tabIndex = 0;
        } else {
          panel.removeAttribute("role");
          panel.removeAttribute("tabindex");
          if (labels[i]) panel.setAttribute("aria-labelledby", labels[i]);
          else panel.removeAttribute("aria-labelledby");
        }
      });
      select(current, false);
    }

    list.addEventListener("click", (event) => {
      const tab = event.target.closest("[role='tab']");
      if (tab) select(tabs.indexOf(tab), true);
    });
    list.addEventListener("keydown", (event) => {
      let index = null;
      if (event.key in KEYS) index = current + KEYS[event.key];
      if (event.key === "Home") index = 0;
      if (event.key === "End") index = tabs.length - 1;
      if (index === null) return;
      event.preventDefault();
      select(index, true);
    });
    NARROW.addEventListener("change", apply);
    apply();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-tabs]").forEach(setup);
  });
})();
