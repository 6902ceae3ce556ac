import type { RepData } from "../report-data.js";

/**
 * Fills the tooltip with a rep's lines (as text, never markup) and places it beside the pointer
 * inside the map box; `hide` hides it.
 */
export function createTooltip(tooltip: HTMLElement, box: HTMLElement) {
  let shown: RepData | null = null;
  return {
    show(rep: RepData, clientX: number, clientY: number): void {
      if (shown !== rep) {
        const title = document.createElement("strong");
        const swatch = document.createElement("span");
        swatch.className = "swatch";
        swatch.style.background = rep.colour;
        title.append(swatch, rep.id);
        const lines = rep.tip.map((text, i) => {
          const line = document.createElement("div");
          line.textContent = text;
          if (i === 1) line.className = `band-${rep.band}`;
          return line;
        });
        tooltip.replaceChildren(title, ...lines);
        shown = rep;
      }
      tooltip.hidden = false;
      const area = box.getBoundingClientRect();
      const x = clientX - area.left, y = clientY - area.top;
      const left = x + 16 + tooltip.offsetWidth > area.width ? x - 16 - tooltip.offsetWidth : x + 16;
      const top = Math.min(Math.max(0, y + 16), Math.max(0, area.height - tooltip.offsetHeight));
      tooltip.style.left = `${Math.max(0, left)}px`;
      tooltip.style.top = `${top}px`;
    },
    hide(): void {
      tooltip.hidden = true;
    },
  };
}
