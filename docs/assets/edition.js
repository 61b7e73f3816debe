/* The annotated edition's behaviour. Everything works without this file (notes are in the
   HTML, markers are links to them); the script adds: placement of margin notes level with
   their highlight, open/close of notes on narrow screens, highlight<->note emphasis, the
   category filter (?show=...), expand/collapse all, and landing on #note links. */
(function () {
  "use strict";
  var article = document.querySelector(".ed-article");
  if (!article) return;
  var wide = window.matchMedia("(min-width: 75em)");
  var notes = Array.prototype.slice.call(article.querySelectorAll(".ed-note"));
  var byId = {};
  notes.forEach(function (n) { byId[n.id] = n; });
  function markerOf(id) { return document.getElementById("ref-" + id); }
  function highlightsOf(id) { return article.querySelectorAll('.ed-hl[data-note="' + id + '"]'); }

  /* ---- placement (wide screens): slide each note up to its highlight, never past the previous note ---- */
  var GAP = 8;
  function layout() {
    performance.mark("ed-layout-start");
    var prevBottom = -Infinity;
    notes.forEach(function (note) {
      note.style.transform = "";
      if (!wide.matches || note.classList.contains("ed-hidden-cat")) return;
      var natural = note.getBoundingClientRect();
      var hl = highlightsOf(note.id)[0];
      var want = hl ? hl.getBoundingClientRect().top : natural.top;
      var top = Math.max(want, prevBottom + GAP);
      top = Math.min(top, natural.top);           /* floats already stack in order; only move up */
      if (top !== natural.top) note.style.transform = "translateY(" + (top - natural.top) + "px)";
      prevBottom = top + natural.height;
    });
    performance.mark("ed-layout-end");
    performance.measure("ed-layout", "ed-layout-start", "ed-layout-end");
  }
  var pending = false;
  function relayout() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; layout(); });
  }

  /* ---- open / close ---- */
  function setOpen(note, open, focus) {
    var marker = markerOf(note.id);
    note.classList.toggle("is-open", open);
    if (marker) marker.setAttribute("aria-expanded", String(open));
    var details = note.querySelector("details");
    if (wide.matches && details) details.open = open;
    if (open && focus) {
      note.setAttribute("tabindex", "-1");
      note.focus({ preventScroll: true });
    }
    relayout();
  }
  function replaceHash(id) {
    var url = location.pathname + location.search + (id ? "#" + id : "");
    history.replaceState(history.state, "", url);
  }

  notes.forEach(function (note) {
    var marker = markerOf(note.id);
    if (!marker) return;
    marker.setAttribute("role", "button");
    marker.setAttribute("aria-expanded", "false");
    marker.addEventListener("click", function (event) {
      event.preventDefault();
      var open = !note.classList.contains("is-open");
      setOpen(note, open, false);
      replaceHash(open ? note.id : "");
      if (open && !wide.matches) note.scrollIntoView({ block: "nearest" });
    });
    marker.addEventListener("keydown", function (event) {
      if (event.key === " ") { event.preventDefault(); marker.click(); }
    });
    note.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { setOpen(note, false); replaceHash(""); marker.focus(); }
    });
    marker.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && note.classList.contains("is-open")) { setOpen(note, false); replaceHash(""); }
    });
    var details = note.querySelector("details");
    if (details) details.addEventListener("toggle", relayout);
    /* emphasis both ways: highlight/marker <-> note */
    function on() { setActive(note.id, true); }
    function off() { setActive(note.id, false); }
    [marker, note].concat(Array.prototype.slice.call(highlightsOf(note.id))).forEach(function (el) {
      el.addEventListener("mouseenter", on); el.addEventListener("mouseleave", off);
      el.addEventListener("focusin", on); el.addEventListener("focusout", off);
    });
  });
  function setActive(id, active) {
    var note = byId[id];
    if (note) note.classList.toggle("is-active", active);
    var marker = markerOf(id);
    if (marker) marker.classList.toggle("is-active", active);
    Array.prototype.forEach.call(highlightsOf(id), function (h) { h.classList.toggle("is-active", active); });
  }

  /* ---- category filter, kept in the URL as ?show=claims,sourcing ---- */
  var legend = document.querySelector(".ed-legend");
  var boxes = legend ? Array.prototype.slice.call(legend.querySelectorAll("input[data-cat]")) : [];
  function applyFilter(shown) {
    notes.forEach(function (note) {
      var hidden = shown.indexOf(note.dataset.category) < 0;
      note.classList.toggle("ed-hidden-cat", hidden);
      var marker = markerOf(note.id);
      if (marker) marker.classList.toggle("ed-hidden-cat", hidden);
      Array.prototype.forEach.call(highlightsOf(note.id), function (h) { h.classList.toggle("ed-muted", hidden); });
    });
    boxes.forEach(function (box) { box.checked = shown.indexOf(box.dataset.cat) >= 0; });
    relayout();
  }
  function allCats() { return boxes.map(function (b) { return b.dataset.cat; }); }
  function readFilter() {
    var show = new URLSearchParams(location.search).get("show");
    if (show === null) return allCats();
    return show.split(",").filter(function (c) { return allCats().indexOf(c) >= 0; });
  }
  if (legend) {
    Array.prototype.forEach.call(legend.querySelectorAll("[hidden]"), function (el) { el.hidden = false; });
    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var shown = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.dataset.cat; });
        var params = new URLSearchParams(location.search);
        if (shown.length === boxes.length) params.delete("show"); else params.set("show", shown.join(","));
        var query = params.toString();
        history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
        applyFilter(shown);
      });
    });
    var toggleAll = legend.querySelector(".ed-legend__toggle-all");
    if (toggleAll) toggleAll.addEventListener("click", function () {
      var open = toggleAll.getAttribute("aria-pressed") !== "true";
      notes.forEach(function (n) { if (!n.classList.contains("ed-hidden-cat")) setOpen(n, open); });
      toggleAll.setAttribute("aria-pressed", String(open));
      toggleAll.textContent = open ? "Collapse all notes" : "Expand all notes";
    });
    applyFilter(readFilter());
  }

  /* ---- landing on #note-id (or an old alias of it) ---- */
  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (el && el.classList.contains("ed-alias")) el = document.getElementById(el.dataset.aliasOf);
    if (!el || !el.classList.contains("ed-note")) return;
    if (el.classList.contains("ed-hidden-cat")) applyFilter(allCats());
    notes.forEach(function (n) { n.classList.remove("is-target"); });
    el.classList.add("is-target");
    setOpen(el, true, true);
    layout();
    var hl = highlightsOf(el.id)[0];
    (hl || el).scrollIntoView({ block: "start" });
    if (wide.matches || !hl) el.scrollIntoView({ block: "nearest" });
  }

  window.addEventListener("hashchange", land);
  window.addEventListener("beforeprint", function () {
    notes.forEach(function (n) { var d = n.querySelector("details"); if (d) { n.dataset.wasOpen = d.open; d.open = true; } });
  });
  window.addEventListener("afterprint", function () {
    notes.forEach(function (n) { var d = n.querySelector("details"); if (d) d.open = n.dataset.wasOpen === "true"; });
  });
  if (wide.addEventListener) wide.addEventListener("change", relayout);
  if (window.ResizeObserver) new ResizeObserver(relayout).observe(article);
  layout();
  land();
})();
