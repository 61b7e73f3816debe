/* The annotated edition's behaviour. Everything works without this file: the notes are in the
   HTML (beside the text on wide screens, after their paragraph otherwise), markers and
   permalinks are plain links, and CSS :target shows a linked note. The script adds: placement
   of margin notes level with their highlight (transforms only, so no layout shift); notes that
   open behind their marker (in place after the paragraph; on wide screens in the margin, or
   after the paragraph when the margin note is far away); highlight <-> note emphasis; the
   category filter (?show=claims,sourcing); expand/collapse all; landing on #note links and old
   ids; copy-link buttons. */
(() => {
  "use strict";
  const doc = document, article = doc.querySelector(".ed-article"), landed = () => doc.documentElement.classList.remove("ed-landing");
  if (!article) return landed();
  const wide = matchMedia("(min-width: 75em)");
  const $$ = (sel, root = article) => Array.from(root.querySelectorAll(sel));
  const notes = $$(".ed-note");
  const byId = new Map(notes.map(n => [n.id, n]));
  const markerOf = id => doc.getElementById("ref-" + id);
  const hls = id => $$('.ed-hl[data-note="' + CSS.escape(id) + '"]');
  const header = doc.querySelector(".md-header");
  const headerBottom = () => (header ? Math.max(0, header.getBoundingClientRect().bottom) : 0);
  const shown = n => !n.classList.contains("ed-hidden-cat");
  const isOpen = n => n.classList.contains("is-open");
  const GAP = 8, STUB_GAP = 4, PAD = 8;
  const decode = s => { try { return decodeURIComponent(s); } catch (e) { return s; } };

  /* ---- wide screens: a density-aware margin. Walking the notes in document order, each starts level
     with its highlight or just below the previous note; it is shown as a full card when that card ends
     before the next note's highlight, otherwise as a one-line stub (.is-compact: number, category icon
     with its label as text for assistive technology, verdict badge, title cut with an ellipsis), so the
     margin keeps up with the text. A stub's short summary (still read out by screen readers) and its
     disclosure appear when it expands to the full card in place: while it or its marker is hovered or
     focused, once the stub is clicked, when its marker opens it, or when it is the link's target. Only
     notes after an expanded one move (transforms: no layout shift). Heights are measured once per width
     (again for a note whose details open or close). ---- */
  const full = new Map(), stub = new Map(), pinned = new Set(), hovered = new Set();
  let measuredAt = 0;
  const forced = n => hovered.has(n.id) || pinned.has(n) || markerOf(n.id) === doc.activeElement || isOpen(n) || n.classList.contains("is-target") ||
    n.contains(doc.activeElement) || !!(n.querySelector("details") || {}).open;
  function layout() {
    performance.mark("ed-layout-start");
    notes.forEach(n => { n.style.transform = ""; });
    const margin = wide.matches ? notes.filter(n => shown(n) && getComputedStyle(n).float === "right") : [];
    if (!margin.length) notes.forEach(n => n.classList.remove("is-compact"));
    else {
      if (measuredAt !== innerWidth) { full.clear(); stub.clear(); measuredAt = innerWidth; }
      const todo = margin.filter(n => !full.has(n));
      if (todo.length) {
        todo.forEach(n => n.classList.add("is-compact"));
        todo.forEach(n => stub.set(n, n.getBoundingClientRect().height));
        todo.forEach(n => n.classList.remove("is-compact"));
        todo.forEach(n => full.set(n, n.getBoundingClientRect().height));
      }
      const want = margin.map(n => { const hl = hls(n.id)[0]; return hl ? hl.getBoundingClientRect().top + scrollY : -Infinity; });
      let prev = -Infinity;
      const compact = margin.map((n, i) => {
        const y = Math.max(want[i], prev), fits = y + full.get(n) + GAP <= (i + 1 < margin.length ? want[i + 1] : Infinity);
        const c = !fits && !forced(n);
        prev = y + (c ? stub.get(n) + STUB_GAP : full.get(n) + GAP);
        return c;
      });
      notes.forEach(n => { if (margin.indexOf(n) < 0) n.classList.remove("is-compact"); });
      margin.forEach((n, i) => n.classList.toggle("is-compact", compact[i]));
      prev = -Infinity;
      margin.map(n => [n, n.getBoundingClientRect()]).forEach(([n, r], i) => {
        const top = r.top + scrollY, y = Math.min(top, Math.max(want[i], prev));
        if (top - y > 0.5) n.style.transform = "translateY(" + (y - top) + "px)";
        prev = y + r.height + (compact[i] ? STUB_GAP : GAP);
      });
    }
    performance.measure("ed-layout", "ed-layout-start");
  }
  let pending = false;
  function relayout() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; layout(); });
  }

  /* ---- markers: numbers drawn from an attribute, so text fragments (#:~:text=) match across them ---- */
  notes.forEach(note => {
    const m = markerOf(note.id);
    if (!m) return;
    const sr = m.querySelector(".ed-sr");
    m.setAttribute("aria-label", sr ? sr.textContent : "Note " + note.dataset.number);
    m.dataset.n = note.dataset.number;
    m.setAttribute("role", "button");
    m.setAttribute("aria-expanded", "false");
  });

  /* ---- open / close ---- */
  function far(note) {
    const hl = hls(note.id)[0];
    if (!hl) return false;
    const r = note.getBoundingClientRect(), h = hl.getBoundingClientRect();
    return Math.abs(r.top - h.top) > innerHeight / 3 || r.bottom < headerBottom() || r.top > innerHeight;
  }
  function setOpen(note, open, opts = {}) {
    const d = note.querySelector("details"), marker = markerOf(note.id);
    const inline = open && wide.matches && (opts.inline !== undefined ? opts.inline : far(note));
    note.classList.toggle("is-open", open);
    note.classList.toggle("is-closed", !open);
    note.classList.toggle("is-inline", inline);
    if (d && (opts.details !== undefined ? opts.details : wide.matches)) d.open = open;
    if (marker) marker.setAttribute("aria-expanded", String(open));
    relayout();
  }
  function replaceHash(id) {
    history.replaceState(history.state, "", location.pathname + location.search + (id ? "#" + id : ""));
  }
  function keepInView(el) {
    const r = el.getBoundingClientRect();
    if (r.top < headerBottom() || r.top > innerHeight - 64) el.scrollIntoView({ block: "nearest" });
  }
  function close(note, focusMarker) {
    pinned.delete(note);
    setOpen(note, false);
    if (decode(location.hash.slice(1)) === note.id) replaceHash("");
    const m = markerOf(note.id);
    if (focusMarker && m) m.focus();
  }
  notes.forEach(note => {
    const marker = markerOf(note.id);
    if (!marker) return;
    marker.addEventListener("click", e => {
      e.preventDefault();
      if (isOpen(note)) return close(note, false);
      setOpen(note, true);
      replaceHash(note.id);
      layout();
      keepInView(note);
    });
    marker.addEventListener("keydown", e => {
      if (e.key === " ") { e.preventDefault(); marker.click(); }
      if (e.key === "Escape" && isOpen(note)) close(note, true);
    });
    note.addEventListener("keydown", e => { if (e.key === "Escape") close(note, true); });
  });
  article.addEventListener("toggle", e => { full.delete(e.target.closest(".ed-note")); relayout(); }, true);

  /* ---- emphasis both ways: highlight/marker <-> note ---- */
  let active = null;
  const mark = (id, on) => [byId.get(id), markerOf(id)].concat(hls(id)).forEach(el => el && el.classList.toggle("is-active", on));
  function activate(id) {
    if (id === active) return;
    if (active) mark(active, false);
    active = id;
    if (id) mark(id, true);
  }
  const idAt = el => {
    const x = el && el.closest ? el.closest("[data-note], .ed-note") : null;
    return x && byId.has(x.dataset.note || x.id) ? x.dataset.note || x.id : null;
  };
  /* a stub hovered (or whose marker is) stays expanded while the pointer is in the margin, so the notes
     under the pointer never move; pointing at the text again folds them back */
  article.addEventListener("mouseover", e => {
    const id = idAt(e.target), inNote = e.target.closest(".ed-note, .ed-marker");
    activate(id);
    if (id && inNote && !hovered.has(id)) { hovered.add(id); relayout(); }
    else if (!inNote && e.target !== article && hovered.size) { hovered.clear(); relayout(); }
  });
  article.addEventListener("mouseleave", () => { activate(null); if (hovered.size) { hovered.clear(); relayout(); } });
  article.addEventListener("focusin", e => { activate(idAt(e.target)); relayout(); });
  article.addEventListener("focusout", e => { if (!article.contains(e.relatedTarget)) activate(null); relayout(); });
  notes.forEach(n => n.addEventListener("click", () => { if (!pinned.has(n)) { pinned.add(n); relayout(); } }));

  /* ---- category filter, kept in the URL as ?show=claims,sourcing ---- */
  const boxes = $$(".ed-legend input[data-cat]");
  const cats = () => boxes.map(b => b.dataset.cat);
  function applyFilter(show) {
    notes.forEach(note => {
      const hide = show.indexOf(note.dataset.category) < 0, m = markerOf(note.id);
      note.classList.toggle("ed-hidden-cat", hide);
      if (m) m.classList.toggle("ed-hidden-cat", hide);
      hls(note.id).forEach(h => h.classList.toggle("ed-muted", hide));
    });
    boxes.forEach(b => { b.checked = show.indexOf(b.dataset.cat) >= 0; });
    delete doc.documentElement.dataset.edShow;  /* the classes above take over from the <head> script's attribute */
    relayout();
  }
  boxes.forEach(box => {
    box.hidden = false;
    box.addEventListener("change", () => {
      const show = boxes.filter(b => b.checked).map(b => b.dataset.cat);
      const params = new URLSearchParams(location.search);
      if (show.length === boxes.length) params.delete("show"); else params.set("show", show.join(","));
      const query = params.toString();
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
      applyFilter(show);
    });
  });
  const show = new URLSearchParams(location.search).get("show");
  if (show !== null && boxes.length) applyFilter(show.split(",").filter(c => cats().indexOf(c) >= 0));
  delete doc.documentElement.dataset.edShow;

  /* ---- expand / collapse all (narrow screens) ---- */
  const toggleAll = doc.querySelector(".ed-legend__toggle-all");
  if (toggleAll) {
    toggleAll.hidden = false;
    toggleAll.removeAttribute("aria-pressed");
    toggleAll.setAttribute("aria-expanded", "false");
    toggleAll.addEventListener("click", () => {
      const open = toggleAll.getAttribute("aria-expanded") !== "true";
      notes.forEach(n => { if (shown(n)) setOpen(n, open, { inline: false, details: false }); });
      toggleAll.setAttribute("aria-expanded", String(open));
      toggleAll.textContent = open ? "Collapse all notes" : "Expand all notes";
    });
  }

  /* ---- permalinks: copy the absolute URL (from <link rel=canonical>) when the Clipboard API exists ---- */
  const canonical = doc.querySelector('link[rel="canonical"]');
  const base = (canonical ? canonical.href : location.href).split("#")[0];
  const live = doc.createElement("p");
  live.className = "ed-sr ed-live";
  live.setAttribute("role", "status");
  article.append(live);
  const say = text => { live.textContent = ""; setTimeout(() => { live.textContent = text; }, 50); };
  if (navigator.clipboard && navigator.clipboard.writeText) $$(".ed-permalink").forEach(a => {
    a.setAttribute("role", "button");
    a.setAttribute("aria-label", "Copy l" + a.getAttribute("aria-label").slice(1));
    a.addEventListener("click", e => {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      const url = base + a.getAttribute("href");
      navigator.clipboard.writeText(url).then(() => {
        say("Link copied: " + url);
        a.classList.add("is-copied");
        setTimeout(() => a.classList.remove("is-copied"), 2000);
      }, () => { location.hash = a.getAttribute("href"); say("Could not copy. The link is in the address bar."); });
    });
    a.addEventListener("keydown", e => { if (e.key === " ") { e.preventDefault(); a.click(); } });
  });

  /* ---- landing on #id: percent-encoded, old ids (aliases), notes hidden on a phone or by the filter ---- */
  function targetOf(hash) {
    const raw = hash.slice(1), id = decode(raw);
    if (!raw) return null;
    let el = doc.getElementById(id) || doc.getElementById(raw);
    if (el && el.classList.contains("ed-alias")) el = doc.getElementById(el.dataset.aliasOf);
    if (el && el.classList.contains("ed-note__title")) el = el.closest(".ed-note");  /* search results */
    return el && article.contains(el) ? el : null;
  }
  function land(loading) {
    const anchor = targetOf(location.hash);
    /* a note's title is a target too (search results link there): land on its note */
    const el = anchor && (anchor.closest(".ed-note") || anchor);
    /* the note a previous link opened goes back to its place */
    $$(".is-target").forEach(x => {
      x.classList.remove("is-target");
      if (x !== el && x.classList.contains("ed-note")) setOpen(x, false);
    });
    $$("[style*=scroll-margin]").forEach(x => { x.style.scrollMarginTop = ""; });
    if (!el) return;
    el.classList.add("is-target");
    if (!el.classList.contains("ed-note")) return;
    if (!shown(el)) applyFilter(cats());
    setOpen(el, true, { inline: true, details: true });
    hls(el.id).forEach(h => h.classList.add("is-target"));
    layout();
    /* the highlight just below the header, the note under it; the scroll-margin also steers the
       browser's own scroll to the fragment while the page loads */
    /* on a link to a part of the note (its title, from search results) the browser scrolls to and focuses
       that part: the scroll margin and focus go there */
    const part = doc.getElementById(decode(location.hash.slice(1))), focus = part && el.contains(part) ? part : el;
    const hl = hls(el.id)[0];
    const top = focus.getBoundingClientRect().top, above = hl ? Math.max(0, top - hl.getBoundingClientRect().top) : 0;
    focus.style.scrollMarginTop = Math.min(above + headerBottom() + PAD, innerHeight - 160) + "px";
    /* while the page loads, scroll only after the opened note has been drawn where the reader is
       not looking yet: the text it pushes down never moves on screen (no layout shift) */
    const go = () => focus.scrollIntoView({ block: "start" });
    if (loading === true) requestAnimationFrame(() => setTimeout(go)); else go();
    focus.setAttribute("tabindex", "-1");
    focus.focus({ preventScroll: true });
  }

  /* ---- print: every note in full; relative links print their absolute URL ---- */
  $$("a[href]").forEach(a => { if (!/^([a-z]+:|#)/i.test(a.getAttribute("href"))) a.dataset.abs = a.href; });
  addEventListener("beforeprint", () => notes.forEach(n => {
    const d = n.querySelector("details");
    if (d) { n.dataset.was = d.open ? "1" : ""; d.open = true; }
  }));
  addEventListener("afterprint", () => notes.forEach(n => {
    const d = n.querySelector("details");
    if (d) d.open = n.dataset.was === "1";
  }));

  /* after a search result is chosen, Material closes its overlay and restores the scroll
     position: land once that is done */
  addEventListener("hashchange", () => { land(); setTimeout(() => { if (doc.body.dataset.mdScrolllock === undefined) land(); }, 120); });
  wide.addEventListener("change", relayout);
  if (window.ResizeObserver) new ResizeObserver(relayout).observe(article);
  layout();
  doc.documentElement.classList.add("ed-laid");
  land(true);
  landed();
})();
