import { scaleBar } from "../../output/scale-bar.js";
import type { MapData, ReportData } from "../report-data.js";
import { drawAccounts, groupAccounts, type Layers, type View } from "./account-canvas.js";
import type { Selection } from "./selection.js";
import { createTooltip } from "./tooltip.js";

const MIN_ZOOM = 1;
const MAX_ZOOM = 64;
/** Longest scale bar, CSS px. */
const SCALE_BAR_PX = 120;

/**
 * Runs the map: wheel, double-click and the buttons zoom (about the pointer), a drag pans; the
 * territory outlines and rep homes move with the view (markers and labels keep their size), the
 * canvas redraws the accounts, the scale bar follows the zoom, hovering a territory shows its
 * tooltip, and the layer checkboxes switch accounts, moved and under-covered rings.
 */
export function createMapView(map: HTMLElement, data: ReportData, mapData: MapData, selection: Selection): void {
  const viewport = map.querySelector<SVGGElement>("#map-view")!;
  const canvas = map.querySelector<HTMLCanvasElement>("#map-canvas")!;
  const tooltip = createTooltip(map.querySelector<HTMLElement>("#tooltip")!, map);
  const repMarks = Array.from(map.querySelectorAll<SVGGElement>("#map-overlay .rep")).map((g) => {
    const [, x, y] = /translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute("transform") ?? "") ?? [];
    return { g, x: Number(x), y: Number(y) };
  });
  const repIndex = new Map(data.reps.map((rep, r) => [rep.id, r]));
  const groups = groupAccounts(mapData, data.reps.length);
  const layers: Layers = { accounts: true, moved: true, underCovered: true };
  let view: View = { k: 1, tx: 0, ty: 0 };
  let frame = 0;

  const cssScale = () => map.clientWidth / mapData.width;
  const draw = () => {
    frame = 0;
    viewport.setAttribute("transform", `translate(${view.tx} ${view.ty}) scale(${view.k})`);
    for (const { g, x, y } of repMarks) g.setAttribute("transform", `translate(${(view.tx + view.k * x).toFixed(1)},${(view.ty + view.k * y).toFixed(1)})`);
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(map.clientWidth * ratio), height = Math.round(map.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) [canvas.width, canvas.height] = [width, height];
    const selected = selection.current();
    drawAccounts(canvas, mapData, data.reps, groups, view, cssScale() * ratio, layers, selected === null ? -1 : (repIndex.get(selected) ?? -1));
    drawScale();
  };
  const redraw = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  const drawScale = () => {
    const bar = scaleBar(mapData.kmPerPx / view.k, SCALE_BAR_PX / cssScale());
    const element = map.querySelector<HTMLElement>("#map-scale");
    if (!element) return;
    element.hidden = bar === null;
    if (!bar) return;
    element.querySelector<HTMLElement>(".scale-label")!.textContent = bar.label;
    element.querySelector<HTMLElement>(".scale-bar")!.style.width = `${(bar.px * view.k * cssScale()).toFixed(1)}px`;
  };

  /** Map pixel under a client point. */
  const toMap = (clientX: number, clientY: number): [number, number] => {
    const box = map.getBoundingClientRect();
    return [((clientX - box.left) / box.width) * mapData.width, ((clientY - box.top) / box.height) * mapData.height];
  };
  const zoomAt = (factor: number, [px, py]: [number, number]) => {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
    const tx = px - ((px - view.tx) * k) / view.k;
    const ty = py - ((py - view.ty) * k) / view.k;
    view = clamp({ k, tx, ty });
    redraw();
  };
  const clamp = ({ k, tx, ty }: View): View => {
    const w = mapData.width, h = mapData.height;
    return { k, tx: Math.min(w / 2, Math.max(w / 2 - w * k, tx)), ty: Math.min(h / 2, Math.max(h / 2 - h * k, ty)) };
  };

  map.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoomAt(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), toMap(event.clientX, event.clientY));
  }, { passive: false });
  map.addEventListener("dblclick", (event) => {
    event.preventDefault();
    zoomAt(event.shiftKey ? 0.5 : 2, toMap(event.clientX, event.clientY));
  });
  for (const button of Array.from(map.querySelectorAll<HTMLButtonElement>("[data-zoom]"))) {
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      const centre: [number, number] = [mapData.width / 2, mapData.height / 2];
      if (button.dataset.zoom === "reset") view = { k: 1, tx: 0, ty: 0 };
      else return zoomAt(button.dataset.zoom === "in" ? 2 : 0.5, centre);
      redraw();
    });
  }

  let drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
  // A drag ends without a click on what lies under the pointer.
  let swallowClick = false;
  map.addEventListener("click", (event) => {
    if (swallowClick) event.stopPropagation();
    swallowClick = false;
  }, { capture: true });
  map.addEventListener("pointerdown", (event) => {
    swallowClick = false;
    if (event.button !== 0 || (event.target as Element).closest("button")) return;
    drag = { x: event.clientX, y: event.clientY, tx: view.tx, ty: view.ty, moved: false };
  });
  map.addEventListener("pointermove", (event) => {
    if (drag && event.buttons & 1) {
      const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) map.setPointerCapture(event.pointerId);
      drag.moved = true;
      const s = mapData.width / map.clientWidth;
      view = clamp({ k: view.k, tx: drag.tx + dx * s, ty: drag.ty + dy * s });
      tooltip.hide();
      return redraw();
    }
    const territory = (event.target as Element).closest?.("path.territory");
    const r = territory ? repIndex.get(territory.getAttribute("data-rep") ?? "") : undefined;
    if (r === undefined) tooltip.hide();
    else tooltip.show(data.reps[r], event.clientX, event.clientY);
  });
  map.addEventListener("pointerleave", () => tooltip.hide());
  map.addEventListener("pointerup", () => {
    swallowClick = drag?.moved === true;
    drag = null;
  });

  for (const box of Array.from(document.querySelectorAll<HTMLInputElement>("input[data-layer]"))) {
    const name = box.dataset.layer as keyof Layers;
    layers[name] = box.checked;
    box.addEventListener("change", () => {
      layers[name] = box.checked;
      redraw();
    });
  }
  selection.onChange(redraw);
  new ResizeObserver(redraw).observe(map);
  draw();
}
