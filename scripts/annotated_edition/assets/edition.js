/* The annotated edition's behaviour. Everything works without this file: the notes are in the
   HTML (complete items beside the text on wide screens, after their paragraph otherwise), markers
   and permalinks are plain links, and CSS :target shows a linked note. The script adds: placement
   of margin items level with their quote (transforms only, so no layout shift); notes that open
   behind their marker (in place in the margin, or after the paragraph on narrow screens); quote <->
   note emphasis and the marks of the findings that stay marked (quiet text); "Show all highlights";
   the category filter (?show=claims,sourcing); expand/collapse all; landing on #note links and old
   ids; copy-link buttons. */
(() => {
  "use strict";
  /* The script starts in a task of its own, after Material's DOMContentLoaded handlers rather than in their
     task: the page has one long task less while it loads. A link to #id starts it at once, in their task, before
     them, as it always did (started after them, a link to a renamed paragraph's old id was left at the window's
     top, under the header). The head's line (presentation.BOOT) shows the margin at the load event only when no
     script has claimed it; this one claims it now, and shows it should it fail to start. (start() keeps the
     indentation it had as the script's body.) */
  const html = document.documentElement;
  const PAD = 8;  /* px kept between the sticky header, or the window's foot, and what is brought into view */
  const header = document.querySelector(".md-header");
  const headerBottom = () => (header ? Math.max(0, header.getBoundingClientRect().bottom) : 0);
  chrome(document);
  if (!document.querySelector(".ed-article")) return;
  html.classList.add("ed-claimed");
  /* Made now, before Material's handlers make theirs, so that ours still come first: the browser notifies resize
     observers in the order they were made (our pass changes the column's height, which one of Material's
     observes), and a window's listeners in the order they were added (on paper Material opens every disclosure,
     and closes them after; ours must see them as the reader left them). start() fills them in. */
  const early = { resized() {}, beforeprint() {}, afterprint() {} };
  const observer = window.ResizeObserver ? new ResizeObserver(() => early.resized()) : null;
  addEventListener("beforeprint", () => early.beforeprint());
  addEventListener("afterprint", () => early.afterprint());
  const started = () => { try { start(); } catch (error) { html.classList.add("ed-laid"); throw error; } };
  if (location.hash.length > 1) started(); else setTimeout(started);

/* Every page of the site (the Index, Sources and About pages too): the keyboard's way through Material's frame. */
function chrome(doc) {
  /* a control the keyboard focuses is never left under the sticky header (WCAG 2.4.11): the browser scrolls it only
     into the window, which Shift+Tab back up the page leaves at its top */
  doc.addEventListener("focusin", e => {
    if (!e.target.matches(":focus-visible") || !header || header.contains(e.target)) return;
    const top = e.target.getBoundingClientRect().top, below = headerBottom();
    if (top < below) scrollBy(0, top - below - PAD);
  });

  /* ---- phone and tablet: focus never enters Material's navigation drawer while it is closed (off screen, but
     its links would otherwise be Tab stops before the column): the drawer is inert until it is opened ---- */
  const drawer = doc.querySelector('input[data-md-toggle="drawer"]'), nav = doc.querySelector(".md-sidebar--primary");
  const drawerScreen = matchMedia("(max-width: 76.1875em)");  /* Material's breakpoint for the drawer */
  if (drawer && nav) {
    const sync = () => { nav.inert = drawerScreen.matches && !drawer.checked; };
    sync();
    drawer.addEventListener("change", sync);
    drawerScreen.addEventListener("change", sync);
  }

  /* ---- on a phone Material's closed search overlay (off screen) holds the search field: it is no Tab stop
     until search opens (tabindex -1: Material still focuses it when it opens search, by a tap or its "/" key) ---- */
  const search = doc.querySelector('input[data-md-toggle="search"]'), field = doc.querySelector(".md-search__input");
  const searchScreen = matchMedia("(max-width: 59.9375em)");  /* Material's breakpoint for the search overlay */
  if (search && field) {
    const sync = () => {
      if (searchScreen.matches && !search.checked && doc.activeElement !== field) field.tabIndex = -1;
      else field.removeAttribute("tabindex");
    };
    sync();
    search.addEventListener("change", sync);
    field.addEventListener("focus", sync);
    field.addEventListener("blur", () => setTimeout(sync));  /* (once Material has closed search) */
    searchScreen.addEventListener("change", sync);
  }
}

function start() {
  const doc = document, article = doc.querySelector(".ed-article");
  const wide = matchMedia("(min-width: 60em)");
  const $$ = (sel, root = article) => Array.from(root.querySelectorAll(sel));
  const notes = $$(".ed-note");
  const byId = new Map(notes.map(n => [n.id, n]));
  /* one marker per sentence: a marker lists the notes of its group in data-notes (each note keeps its own
     ref- anchor, an empty span before the marker when it is not the group's first) */
  const markers = $$("a.ed-marker");
  const markerFor = new Map();
  markers.forEach(m => (m.dataset.notes || "").split(" ").forEach(id => id && markerFor.set(id, m)));
  const markerOf = id => markerFor.get(id) || doc.getElementById("ref-" + id);
  const groupOf = m => (m.dataset.notes || "").split(" ").map(id => byId.get(id)).filter(Boolean);
  const hlCache = new Map();
  const hls = id => hlCache.get(id) || (hlCache.set(id, $$('.ed-hl[data-note="' + CSS.escape(id) + '"]')), hlCache.get(id));
  const shown = n => !n.classList.contains("ed-hidden-cat");
  const isOpen = n => n.classList.contains("is-open");
  const GAP = 9;  /* px between two margin items: one sentence's group ends visibly before the next (was 5 px: too close to the hairline inside a group) */
  const decode = s => { try { return decodeURIComponent(s); } catch (e) { return s; } };

  /* ---- wide screens: the margin. CSS floats every note into the right margin as a complete item (number,
     verdict, full title), each under its paragraph or the item before; this pass only refines: it slides each
     item as near its quote as order and no-overlap allow (see settle), with a transform (no layout shift).
     One margin at every width: the right one keeps every item within about 50 px of its quote even at
     1920 px, so a second margin would only split the reading order. One pass reads all geometry first
     (one forced layout), computes in plain numbers, then writes every transform; it runs when a note
     changes size or the viewport changes (ResizeObserver), never on focus or hover. Opening an item
     makes it taller in place: the items below it move by at most that growth. ---- */
  const quote = new Map(notes.map(n => [n.id, article.querySelector('.ed-hl[data-note="' + CSS.escape(n.id) + '"]')]));
  /* the units laid out: a note, or a group of the notes of one sentence (.ed-group, template group.html) */
  const units = Array.from(new Set(notes.map(n => n.closest(".ed-group") || n)));
  const inUnit = u => (u.classList.contains("ed-note") ? [u] : Array.from(u.querySelectorAll(".ed-note")));
  const moved = new Map();  /* unit -> the vertical shift (px) written by the last pass */
  const closedHeight = new Map();  /* note -> its height closed, at the width closedAt */
  let trimmed = 0;  /* px taken off the article's height by the last pass (--ed-trim) */
  let closedAt = 0;
  /* Positions in the margin: each item as near its quote as order and no-overlap allow, in the least-squares
     sense (pool-adjacent-violators: a run of items too dense for its text is centred on its quotes, so
     some sit a little above their quote and some below, but none above the top of its quote's paragraph),
     computed with every item closed; open items then push the items after them down by their growth only. */
  function settle(items, floor) {
    const runs = [];
    let c = 0;
    items.forEach(it => {
      runs.push({ sum: it.want - c, n: 1 });
      c += it.closed + GAP;
      while (runs.length > 1 && runs[runs.length - 2].sum / runs[runs.length - 2].n >= runs[runs.length - 1].sum / runs[runs.length - 1].n) {
        const last = runs.pop();
        runs[runs.length - 1].sum += last.sum;
        runs[runs.length - 1].n += last.n;
      }
    });
    const ys = [];
    c = 0;
    runs.forEach(run => { for (let k = 0; k < run.n; k++) { ys.push(Math.max(floor, run.sum / run.n) + c); c += items[ys.length - 1].closed + GAP; } });
    let end = -Infinity;
    /* (never above the top of its quote's paragraph: an item beside the paragraph before read as about it) */
    return ys.map((y, i) => { const top = Math.max(y, end, items[i].block); end = top + items[i].height + GAP; return top; });
  }
  /* the legend, which the stylesheet floats into the margin on wide screens (under the header's items, beside the
     editor's note): the items after it stay below it, and it follows the items before it */
  const key = article.querySelector(":scope > .ed-legend");
  /* (a filter clicked in it leaves it where it is, the page's top: the header's items it hid had let it move up
     under the pointer, so the next click hit another control) */
  let keyHeld = null;
  function layout() {
    performance.mark("ed-layout-start");
    /* (an item the stylesheet takes out of the margin, a linked note after its paragraph, is not a float) */
    const inMargin = wide.matches ? units.filter(u => inUnit(u).some(shown)) : [];
    /* read */
    const margin = inMargin.filter(n => getComputedStyle(n).float === "right");
    const boxes = margin.map(n => n.getBoundingClientRect());
    const keyStyle = key && wide.matches ? getComputedStyle(key) : null;
    const keyBox = keyStyle && keyStyle.float === "right" ? key.getBoundingClientRect() : null;
    /* (its place when no item is shown before it: beside the block before it, the editor's note, or under the header;
       not where CSS stacks it, under the header's blocks: hiding every header item with the filters dropped it 150 px) */
    let prior = keyBox && key.previousElementSibling;
    while (prior && (getComputedStyle(prior).float !== "none" || !prior.getClientRects().length)) prior = prior.previousElementSibling;
    const keyFloor = !prior ? -Infinity : prior.matches(".ed-header") ? prior.getBoundingClientRect().bottom : prior.getBoundingClientRect().top;
    if (closedAt !== innerWidth) { closedHeight.clear(); closedAt = innerWidth; keyHeld = null; }
    const held = keyHeld === null ? -Infinity : keyHeld - scrollY;
    const items = margin.map((n, i) => {
      const q = quote.get(inUnit(n)[0].id), h = boxes[i].height;
      if (!inUnit(n).some(isOpen)) closedHeight.set(n, h);
      const block = q && q.closest(".ed-article > *");
      return { want: q ? q.getBoundingClientRect().top : -Infinity, height: h, closed: Math.min(h, closedHeight.get(n) || h),
               block: block ? block.getBoundingClientRect().top : -Infinity };
    });
    const box = article.getBoundingClientRect();
    let text = article.lastElementChild;  /* the column's last block (floats and hidden notes skipped) */
    while (text && (getComputedStyle(text).float !== "none" || !text.getClientRects().length)) text = text.previousElementSibling;
    const textEnd = text ? text.getBoundingClientRect().bottom + parseFloat(getComputedStyle(text).marginBottom) : box.top;
    /* compute: each item's top; and how far the floats, where CSS stacked them, reach below both the column
       and the items where they are drawn (the article keeps that height: a blank band above the footer) */
    const out = new Map();
    let ys;
    if (keyBox) {  /* the items before the legend, the legend just under them, then the items after it */
      const at = margin.findIndex(n => key.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING), cut = at < 0 ? margin.length : at;
      const before = settle(items.slice(0, cut), box.top), keyAt = keyBox.top - (moved.get(key) || 0);  /* (where CSS put it) */
      const keyTop = Math.max(held, keyFloor, cut ? before[cut - 1] + items[cut - 1].height + Math.max(GAP, parseFloat(keyStyle.marginTop)) : -Infinity);
      out.set(key, keyTop - keyAt);
      ys = before.concat(settle(items.slice(cut), keyTop + keyBox.height + GAP));
    } else ys = settle(items, box.top);
    ys.forEach((y, i) => out.set(margin[i], y - (boxes[i].top - (moved.get(margin[i]) || 0))));
    const stacked = Math.max(textEnd, ...boxes.map((b, i) => b.bottom - (moved.get(margin[i]) || 0)));
    const trim = Math.max(0, stacked - Math.max(textEnd, ...ys.map((y, i) => y + items[i].height)));
    /* write */
    (key ? units.concat(key) : units).forEach(n => {
      const dy = out.get(n) || 0, old = moved.get(n) || 0;
      if (Math.abs(dy - old) < 0.25) return;
      n.style.transform = dy ? "translateY(" + dy + "px)" : "";
      if (dy) moved.set(n, dy); else moved.delete(n);
    });
    if (Math.abs(trim - trimmed) >= 0.5) { article.style.setProperty("--ed-trim", trim + "px"); trimmed = trim; }
    performance.measure("ed-layout", "ed-layout-start");
  }
  let pending = false;
  function relayout() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; layout(); });
  }

  /* ---- markers: the build gives each its number (data-n, drawn by CSS, so text fragments match across
     it) and its name (number, each finding's verdict and title); with the script it is a button that opens
     its group. The findings a reader should see first are marked by the build (.ed-hl--flag). ---- */
  markers.forEach(m => {
    m.setAttribute("role", "button");
    m.setAttribute("aria-expanded", "false");
  });

  /* ---- Tab order: one control per group (its marker); a closed note's links and disclosure are out of the
     Tab order until it is opened (by its marker, a click, or a link to it) ---- */
  const FOCUSABLE = "a[href], summary, button";
  const tabbable = (note, on) => note.querySelectorAll(FOCUSABLE).forEach(el => {
    if (on) el.removeAttribute("tabindex"); else el.setAttribute("tabindex", "-1");
  });
  notes.forEach(n => tabbable(n, false));

  /* ---- open / close: on wide screens the item opens in place in the margin (a link's target too); on narrow
     screens the note shows after its paragraph ---- */
  const closers = new Map();  /* marker -> the button closing its notes (addCloser) */
  function setOpen(note, open, opts = {}) {
    const d = note.querySelector("details"), marker = markerOf(note.id);
    note.classList.toggle("is-open", open);
    note.classList.toggle("is-closed", !open);
    if (d && (opts.details !== undefined ? opts.details : wide.matches)) d.open = open;
    if (marker) marker.setAttribute("aria-expanded", String(groupOf(marker).some(isOpen)));
    if (marker && !open && !groupOf(marker).some(isOpen)) dropCloser(marker);
    tabbable(note, open);
    hls(note.id).forEach(h => h.classList.toggle("is-open", open));
    relayout();
  }
  /* each quote of the groups of several notes ``groups`` says which note it is: data-n, drawn by CSS after it
     (on screen for an opened group, on paper for every such group); quotes ending at one place, as "By Eli Lake"
     round "Eli Lake", give their numbers once, in order, after the innermost: "3,4" */
  function numberQuotes(groups) {
    const quotes = new Map(groups.flat().flatMap(n => hls(n.id).map(h => [h, n.querySelector(".ed-note__num").textContent])));
    quotes.forEach((number, h) => {
      if (quotes.has(h.lastChild)) { delete h.dataset.n; return; }
      const numbers = [number];
      for (let inner = h, outer = h.parentElement; quotes.has(outer) && outer.lastChild === inner; inner = outer, outer = outer.parentElement)
        numbers.push(quotes.get(outer));
      h.dataset.n = numbers.sort((a, b) => a - b).join(",");
      numberAfterPunctuation(h);
    });
  }
  /* a quote followed by punctuation gives its number after it, as a note number goes (The Chicago Manual of
     Style: after every mark but a dash; the table"9, not table9"): an empty span after the marks draws it
     (.ed-n-after; the words are unchanged; an apostrophe before a letter, "Maduro’s", is not a closing mark) */
  function numberAfterPunctuation(h) {
    const next = h.nextSibling, mark = next && next.nodeType === Node.TEXT_NODE && /^(?:[.,;:!?”"»)\]]|[’'](?!\p{L}))+/u.exec(next.data);
    if (!mark) return;
    if (next.length > mark[0].length) next.splitText(mark[0].length);
    let after = next.nextSibling;
    if (!(after && after.classList && after.classList.contains("ed-n-after"))) {
      after = doc.createElement("span");
      after.className = ["ed-n-after"].concat([...h.classList].filter(c => c.startsWith("ed-hl--"))).join(" ");
      next.after(after);
    }
    after.dataset.n = h.dataset.n;
    delete h.dataset.n;
  }
  /* on a narrow screen a marker's notes open after the paragraph, a screen long at times: a button at their
     end closes them and takes the reader back to the marker (made while they are open: the page holds none) */
  function addCloser(marker, group, numbers = marker.dataset.n) {
    if (closers.has(marker)) return;
    const holder = group[0].closest(".ed-group") || group[0];
    /* (a link's note on a phone has its button already: the script after the article made it, so that it
       takes its room before the page is first drawn) */
    const b = holder.querySelector(":scope > .ed-close") || doc.createElement("button");
    b.type = "button";
    b.className = "ed-close";
    b.textContent = (group.length > 1 ? "Close notes " : "Close note ") + numbers;
    b.addEventListener("click", () => {
      group.forEach(n => close(n, false));  /* (the last one closed takes the button away) */
      activate([]);
      marker.focus();
    });
    if (!b.isConnected) holder.append(b);
    closers.set(marker, b);
  }
  function dropCloser(marker) {
    const b = closers.get(marker);
    if (b) { b.remove(); closers.delete(marker); }
  }
  function replaceHash(id) {
    history.replaceState(history.state, "", location.pathname + location.search + (id ? "#" + id : ""));
  }
  /* an opened item in view: its top under the header, and as much of it as fits above the fold; the quote
     and the marker that opened it stay on screen too (on a phone the note comes after its paragraph: scrolling
     the note's top under the header would push the tapped sentence off the screen), as long as the note's
     first lines show (FIRST_LINES px above the fold) */
  const FIRST_LINES = 160;
  function keepInView(el, keep = []) {
    const r = el.getBoundingClientRect(), top = headerBottom() + PAD;
    if (r.top < top) return scrollBy(0, r.top - top);
    if (r.bottom <= innerHeight - PAD) return;
    let by = Math.min(r.bottom - innerHeight + 2 * PAD, r.top - top);
    if (keep.length) by = Math.min(by, Math.max(Math.min(...keep.map(k => k.getBoundingClientRect().top)) - top, r.top - (innerHeight - FIRST_LINES)));
    if (by > 0) scrollBy(0, by);
  }
  /* a closed note's id leaves the address */
  const forget = id => { if (decode(location.hash.slice(1)) === id) replaceHash(""); };
  function close(note, focusMarker) {
    setOpen(note, false);
    forget(note.id);
    const m = markerOf(note.id);
    if (focusMarker && m) m.focus();
  }
  /* in the margin one item is open at a time: a quote tinted for a note read a minute ago would no longer
     say which text the open note is about (after their paragraph, on narrow screens, several may stay open) */
  function closeOthers(keep) {
    if (wide.matches) notes.forEach(n => { if (!keep.includes(n) && isOpen(n)) close(n, false); });
  }
  markers.forEach(marker => {
    const group = groupOf(marker);
    if (!group.length) return;
    marker.addEventListener("click", e => {
      e.preventDefault();
      if (group.some(isOpen)) {  /* closed: its quotes lose their emphasis too (the marker keeps the focus) */
        group.forEach(n => close(n, false));
        return activate([]);
      }
      closeOthers(group);
      /* a group opens its findings' summaries (each disclosure stays a click away): five notes with their
         sources in full would push every item below a screen or two away from its quote */
      group.forEach(n => setOpen(n, true, group.length > 1 ? { details: false } : {}));
      /* the quotes of a group opened by its marker say which note each is (.ed-hl.is-open[data-n]; not on a
         link's landing, where the numbers would move the text as the page loads) */
      if (group.length > 1) numberQuotes([group]);
      replaceHash(group[0].id);
      if (!wide.matches) addCloser(marker, group);
      layout();
      keepInView(group[0].closest(".ed-group") || group[0], [marker].concat(hls(group[0].id).slice(0, 1)));
    });
    marker.addEventListener("keydown", e => {
      if (e.key === " ") { e.preventDefault(); marker.click(); }
      if (e.key === "Escape" && group.some(isOpen)) { group.forEach(n => close(n, false)); marker.focus(); }
    });
  });
  /* Escape in a note closes what its marker opened (every note of the group) and returns focus to the marker */
  notes.forEach(note => note.addEventListener("keydown", e => {
    if (e.key !== "Escape") return;
    const m = markerOf(note.id), group = m ? groupOf(m) : [note];
    group.forEach(n => { if (isOpen(n) || n === note) close(n, false); });
    if (m) m.focus();
  }));

  /* Tab from an open marker goes into what it opened (the notes follow the paragraph in the page); there,
     Shift+Tab from the first control goes back to the marker, Tab from the last to what follows the marker.
     (A note reached in page order, after its paragraph, lets Tab go on from there: focus never circles.) */
  let via = null;  /* [marker, what it opened], entered from it with Tab */
  const FOLLOWING = Node.DOCUMENT_POSITION_FOLLOWING;
  const tabStops = root => $$(FOCUSABLE + ",input,[tabindex]", root).filter(c => c.tabIndex >= 0 &&
    (c.checkVisibility ? c.checkVisibility({ visibilityProperty: true }) : c.getClientRects().length));  /* (a closed disclosure's links have boxes) */
  doc.addEventListener("focusin", e => { if (via && !via.some(x => x.contains(e.target))) via = null; });
  /* an open group is reached from its marker (above): Tab through the text later passes it by rather than going
     through its controls a second time; one opened by a link, with focus in it, is walked in the page's order */
  function skipOpenUnit(e) {
    const stops = tabStops(doc.body), at = stops.indexOf(e.target), next = at < 0 ? null : stops[at + (e.shiftKey ? -1 : 1)];
    const unit = next && (next.closest(".ed-article .ed-group") || next.closest(".ed-article .ed-note"));
    if (!unit || unit.contains(e.target)) return;
    const beyond = (e.shiftKey ? stops.slice(0, at).reverse() : stops.slice(at + 1)).find(c => !unit.contains(c));
    if (beyond) { e.preventDefault(); beyond.focus(); }
  }
  article.addEventListener("keydown", e => {
    if (e.key !== "Tab" || e.altKey || e.ctrlKey || e.metaKey) return;
    const m = e.target.matches("a.ed-marker") && !e.shiftKey && e.target, g = m ? groupOf(m) : [];
    if (g.some(isOpen)) via = [m, g[0].closest(".ed-group") || g[0]];
    else if (!via || !via[1].contains(e.target)) return skipOpenUnit(e);
    const [marker, unit] = via, stops = tabStops(unit), last = e.target === stops[stops.length - 1];
    const to = m ? stops[0] : e.shiftKey ? e.target === stops[0] && marker
      : last && tabStops(doc.body).find(c => (marker.compareDocumentPosition(c) & FOLLOWING) && !unit.contains(c) && !marker.contains(c));
    if (to) { e.preventDefault(); to.focus(); }
  });

  /* ---- emphasis both ways: highlight/marker <-> note; a marker emphasises every note of its group and
     their quotes, a highlight or a note its own ---- */
  let active = [];
  const mark = (id, on) => [byId.get(id), markerOf(id)].concat(hls(id)).forEach(el => el && el.classList.toggle("is-active", on));
  function activate(ids) {
    ids = ids || [];
    if (ids.join(" ") === active.join(" ")) return;
    active.forEach(id => mark(id, false));
    active = ids;
    ids.forEach(id => mark(id, true));
  }
  const idAt = el => {
    const m = el && el.closest ? el.closest("a.ed-marker") : null;
    if (m) return groupOf(m).map(n => n.id);
    const x = el && el.closest ? el.closest("[data-note], .ed-note") : null;
    return x && byId.has(x.dataset.note || x.id) ? [x.dataset.note || x.id] : [];
  };
  /* emphasis only: hovering or focusing never opens or moves an item */
  /* (pointer events: a tap, on a search result say, is not a hover and emphasises nothing) */
  article.addEventListener("pointerover", e => { if (e.pointerType !== "touch") activate(idAt(e.target)); });
  article.addEventListener("pointerleave", e => { if (e.pointerType !== "touch") activate([]); });
  /* (focus from the keyboard: a tap or click also focuses the marker, which left a phone's opened sentence tinted) */
  article.addEventListener("focusin", e => { if (e.target.matches(":focus-visible")) activate(idAt(e.target)); });
  article.addEventListener("focusout", e => { if (!article.contains(e.relatedTarget)) activate([]); });
  /* a click on a quote opens (or closes) its sentence's notes, as its marker does; not a click that ends a
     selection, the second click of a double click (selecting a word), or one on a link or a filtered-out quote */
  article.addEventListener("click", e => {
    const hl = e.target.closest && e.target.closest(".ed-hl[data-note]:not(.ed-muted)");
    if (!hl || e.detail > 1 || e.target.closest("a") || !getSelection().isCollapsed) return;
    const m = markerOf(hl.dataset.note), note = byId.get(hl.dataset.note);
    if (!m) return;
    m.click();
    /* the tapped quote's own note is the one named and shown (in a group it may be the fourth of five) */
    if (note && isOpen(note) && note !== groupOf(m)[0]) { replaceHash(note.id); layout(); keepInView(note, [hl]); }
  });
  /* a margin item opens (or closes) when its title or an empty part of it is clicked */
  notes.forEach(n => n.addEventListener("click", e => {
    if (!wide.matches || e.target.closest("a, summary, details, .ed-note__summary")) return;
    if (isOpen(n)) { setOpen(n, false, { details: false }); return forget(n.id); }
    /* closing the item above moves this one up: the page scrolls with it, so it stays under the pointer */
    const unit = n.closest(".ed-group") || n, before = unit.getBoundingClientRect().top;
    closeOthers([n]);
    setOpen(n, true, { details: false });
    replaceHash(n.id);  /* (the address names the open note, as after a marker's click) */
    layout();
    const shift = unit.getBoundingClientRect().top - before;
    if (Math.abs(shift) > 1) scrollBy(0, shift);
  }));

  /* ---- category filter, kept in the URL as ?show=claims,sourcing ---- */
  const boxes = $$(".ed-legend input[data-cat]");
  const cats = () => boxes.map(b => b.dataset.cat);
  /* the notes' numbers as runs: "15", "32–33", "31, 34–35" */
  function numbersOf(list) {
    const ns = list.map(n => +n.querySelector(".ed-note__num").textContent), runs = [];
    ns.forEach((k, i) => { if (i && k === ns[i - 1] + 1) runs[runs.length - 1][1] = k; else runs.push([k, k]); });
    return runs.map(([a, b]) => (a === b ? String(a) : a + "–" + b)).join(", ");
  }
  function applyFilter(show, renumber = true) {
    if (renumber && key && wide.matches) keyHeld = key.getBoundingClientRect().top + scrollY;
    notes.forEach(note => {
      const hide = show.indexOf(note.dataset.category) < 0;
      note.classList.toggle("ed-hidden-cat", hide);
      hls(note.id).forEach(h => h.classList.toggle("ed-muted", hide));
    });
    /* a marker hides when every note of its group is filtered out, and otherwise gives the numbers and
       findings of the notes still shown (its name as the build writes it, for those notes); not while the
       page loads (a ?show= link): a marker's new width would move the text under the reader's eyes */
    markers.forEach(m => {
      const group = groupOf(m), left = group.filter(shown);
      m.classList.toggle("ed-hidden-cat", !left.length);
      if (!renumber) return;
      if (!m.dataset.nAll) { m.dataset.nAll = m.dataset.n || ""; m.dataset.labelAll = m.getAttribute("aria-label") || ""; }
      const all = !left.length || left.length === group.length, drawn = all ? group : left;
      /* (drawn as the build draws a group, marker.html: in its first note's colour, and as "several categories"
         only if they are; here the notes still shown) */
      Array.from(m.classList).forEach(c => { if (c.startsWith("ed-marker--")) m.classList.remove(c); });
      m.classList.add("ed-marker--" + drawn[0].dataset.category);
      m.classList.toggle("ed-marker--mixed", new Set(drawn.map(n => n.dataset.category)).size > 1);
      if (all) {
        m.dataset.n = m.dataset.nAll;
        return m.setAttribute("aria-label", m.dataset.labelAll);
      }
      m.dataset.n = numbersOf(left);
      m.setAttribute("aria-label", (left.length > 1 ? "Notes " : "Note ") + m.dataset.n + ", " + left.map(n => {
        const kind = n.querySelector(".ed-verdict") || n.querySelector(".ed-cat"), title = n.querySelector(".ed-note__title");
        return (kind ? kind.textContent.trim().toLowerCase() : "") + ": " + (title ? title.textContent.trim() : "");
      }).join("; "));
    });
    boxes.forEach(b => { b.checked = show.indexOf(b.dataset.cat) >= 0; });
    /* the legend's count says how many notes the filter leaves (a ?show= link's too: it moves no text) */
    const title = doc.querySelector(".ed-legend__title");
    if (title) {
      if (!title.dataset.all) title.dataset.all = title.textContent;
      const left = notes.filter(shown).length;
      title.textContent = left === notes.length ? title.dataset.all : left + " of " + notes.length + (notes.length === 1 ? " note:" : " notes:");
    }
    delete doc.documentElement.dataset.edShow;  /* the classes above take over from the <head> script's attribute */
    relayout();
  }
  /* a filter a reader sets, or one lifted to show a linked note, is the address's ?show= too */
  function setFilter(show) {
    const params = new URLSearchParams(location.search);
    if (show.length === cats().length) params.delete("show"); else params.set("show", show.join(","));
    const query = params.toString().replace(/%2C/gi, ",");  /* (a comma needs no escape in a query: ?show=a,b) */
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    applyFilter(show);
  }
  boxes.forEach(box => {
    box.hidden = false;
    box.addEventListener("change", () => {
      setFilter(boxes.filter(b => b.checked).map(b => b.dataset.cat));
      /* (a screen reader heard the box change, not what it left: the legend's count is said) */
      const count = doc.querySelector(".ed-legend__title");
      if (count) say(count.textContent.replace(/:\s*$/, " shown"));
    });
  });
  const show = new URLSearchParams(location.search).get("show");
  if (show !== null && boxes.length) applyFilter(show.split(",").filter(c => cats().indexOf(c) >= 0), false);
  /* a box changed before the script started (a click while the page loaded, or the browser restoring the form) */
  else if (boxes.some(b => !b.checked)) setFilter(boxes.filter(b => b.checked).map(b => b.dataset.cat));
  delete doc.documentElement.dataset.edShow;

  /* ---- the legend's "Show all highlights": every quote marked (quiet text otherwise) ---- */
  const legend = doc.querySelector(".ed-legend");
  /* (the button is in the page, hidden without JavaScript, so the page's text is the same with or without
     the script: the open data's TextPositionSelectors count in it) */
  const all = legend && legend.querySelector(".ed-legend__marks");
  if (all) {
    all.hidden = false;
    all.addEventListener("click", () => {
      const on = all.getAttribute("aria-pressed") !== "true";
      all.setAttribute("aria-pressed", String(on));
      doc.documentElement.classList.toggle("ed-marks-all", on);
    });
  }

  /* ---- expand / collapse all (narrow screens) ---- */
  const toggleAll = doc.querySelector(".ed-legend__toggle-all");
  if (toggleAll) {
    toggleAll.hidden = false;
    toggleAll.removeAttribute("aria-pressed");
    toggleAll.setAttribute("aria-expanded", "false");
    toggleAll.addEventListener("click", () => {
      const open = toggleAll.getAttribute("aria-expanded") !== "true";
      notes.forEach(n => { if (shown(n)) setOpen(n, open, { details: false }); });
      toggleAll.setAttribute("aria-expanded", String(open));
      toggleAll.textContent = open ? "Collapse all notes" : "Expand all notes";
    });
  }

  /* ---- the legend is one stop in the Tab order: a toolbar whose controls (filters, "Show all highlights",
     expand all, Index, Sources) are reached with the arrow keys, Home and End (the roving tabindex of the
     WAI-ARIA Authoring Practices' toolbar pattern, https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/) ---- */
  let keepLegendStop = () => {};
  if (legend) {
    legend.setAttribute("role", "toolbar");
    legend.setAttribute("aria-label", "Notes: filters and links");
    /* every control leaves the Tab order but the one stop, which is a control shown at this width (the
       "Expand all notes" button shows on narrow screens only): the stop moves to the first shown control
       when the width hides it */
    const every = () => Array.from(legend.querySelectorAll("input, button, a[href]"));
    const controls = () => every().filter(c => !c.hidden && c.offsetParent !== null);
    const rove = to => every().forEach(c => c.setAttribute("tabindex", c === to ? "0" : "-1"));
    const stop = () => every().find(c => c.getAttribute("tabindex") === "0");
    const keep = () => { const list = controls(); if (list.indexOf(stop()) < 0) rove(list[0]); };
    /* (which controls show is read before each layout pass, when it costs nothing: read now, while the page
       loads, it would force the browser to style the whole page at once) */
    rove(every()[0]);
    keepLegendStop = keep;
    legend.addEventListener("focusin", e => rove(e.target));
    legend.addEventListener("keydown", e => {
      const list = controls(), at = list.indexOf(doc.activeElement);
      if (at < 0) return;
      const next = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      const to = list[(next + list.length) % list.length];
      rove(to);
      to.focus();
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
  /* the editor's note, folded to its button on a phone (the stylesheet's choice; it stays folded after the load only
     as ed-foldable, once the button works): unfolded for good, focus on it */
  $$(".ed-editor-note__unfold").forEach(b => {
    const box = b.parentElement;
    b.addEventListener("click", () => {
      box.classList.add("is-open");
      b.setAttribute("aria-expanded", "true");
      box.tabIndex = -1;
      box.focus({preventScroll: true});
    });
    box.classList.add("ed-foldable");
  });
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
  /* the top of the first line of the sentence holding the quote ``hl`` (the text after the marker before it in
     its paragraph: a marker ends each annotated sentence; or the paragraph's start), at most three lines up */
  function sentenceTop(hl) {
    const para = hl.closest("p, li, h1, h2, h3, blockquote") || hl.parentElement, r = doc.createRange();
    const before = $$("a.ed-marker", para).filter(m => m.compareDocumentPosition(hl) & FOLLOWING).pop();
    if (before) r.setStartAfter(before); else r.setStart(para, 0);
    r.setEnd(hl, 0);
    const lines = Array.from(r.getClientRects()).filter(b => b.height);
    const top = hl.getBoundingClientRect().top;
    return Math.max(Math.min(top, ...lines.map(b => b.top)), top - 3 * parseFloat(getComputedStyle(para).lineHeight));
  }
  /* the room below the column for a link to scroll its target under the header (without the script, CSS keeps
     a screen's height): only what this target needs, so the page does not end in a blank screen */
  function keepRoom(target, margin) {
    article.style.setProperty("--ed-room", "0px");
    const need = target.getBoundingClientRect().top + scrollY - margin - (doc.documentElement.scrollHeight - innerHeight);
    article.style.setProperty("--ed-room", Math.max(0, Math.ceil(need)) + "px");
  }
  function land(loading) {
    const anchor = targetOf(location.hash);
    /* a note's title is a target too (search results link there): land on its note */
    const el = anchor && (anchor.closest(".ed-note") || anchor);
    /* the note a previous link opened goes back to its place */
    let closed = false;
    $$(".is-target").forEach(x => {
      x.classList.remove("is-target");
      if (x !== el && x.classList.contains("ed-note")) { setOpen(x, false); closed = true; }
    });
    $$("[style*=scroll-margin]").forEach(x => { x.style.scrollMarginTop = ""; });
    if (!el) return;
    /* "Back to the text" (#ref-<note id>, the note's number): focus goes to its sentence's marker, the note's quote just
       under the header (a group's later note's ref is an empty span: focus was lost, and the marker, at the sentence's
       end, was scrolled to the top with the quote above it, under the header) */
    const backTo = el.id.startsWith("ref-") && byId.get(el.id.slice(4));
    if (backTo) {
      const m = markerOf(backTo.id), hl = hls(backTo.id)[0];
      if (closed) layout();
      scrollBy(0, (hl ? sentenceTop(hl) : m.getBoundingClientRect().top) - headerBottom() - PAD);
      return m.focus({ preventScroll: true });
    }
    el.classList.add("is-target");
    /* the browser scrolled to a linked paragraph before this ran; closing that note changes the page's
       height, which would move the paragraph down from the header: lay out now and scroll to it again */
    if (!el.classList.contains("ed-note")) {
      if (closed) layout();
      keepRoom(el, parseFloat(getComputedStyle(el).scrollMarginTop) || 0);
      return el.scrollIntoView({ block: "start" });
    }
    if (!shown(el)) setFilter(cats());
    /* on wide screens the linked note opens in the margin, level with its quote, as its marker opens it */
    closeOthers([el]);
    setOpen(el, true, { details: true });
    /* on a narrow screen a linked note ends with the same button as a tapped one */
    const m = markerOf(el.id);
    if (m && !wide.matches) addCloser(m, [el], numbersOf([el]));
    activate([el.id]);
    hls(el.id).forEach(h => h.classList.add("is-target"));
    layout();
    /* the highlight just below the header, the note under it; the scroll-margin also steers the
       browser's own scroll to the fragment while the page loads */
    /* on a link to a part of the note (its title, from search results) the browser scrolls to and focuses
       that part: the scroll margin and focus go there */
    const part = doc.getElementById(decode(location.hash.slice(1))), focus = part && el.contains(part) ? part : el;
    const hl = hls(el.id)[0];
    const top = focus.getBoundingClientRect().top, above = hl ? Math.max(0, top - sentenceTop(hl)) : 0;
    const margin = Math.min(above + headerBottom() + PAD, innerHeight - 160);
    focus.style.scrollMarginTop = margin + "px";
    keepRoom(focus, margin);
    /* while the page loads, scroll only after the opened note has been drawn where the reader is
       not looking yet: the text it pushes down never moves on screen (no layout shift) */
    const go = () => focus.scrollIntoView({ block: "start" });
    if (loading === true) requestAnimationFrame(() => setTimeout(go)); else go();
    focus.setAttribute("tabindex", "-1");
    focus.focus({ preventScroll: true });
  }

  /* ---- print: every note in full; relative links print their absolute URL (set when printing starts, not while
     the page loads; resolved against the canonical address: a preview prints the published one) ---- */
  /* (a build for this machine, its site_url a loopback address, prints none: 127.0.0.1 means nothing on paper) */
  const local = /^(localhost|127\.|\[::1\]$)/.test(new URL(base).hostname);
  const absolute = () => local || $$("a[href]:not([data-abs])").forEach(a => {
    const href = a.getAttribute("href");
    if (!/^([a-z]+:|#)/i.test(href)) a.dataset.abs = new URL(href, base).href;
  });
  /* on paper the column comes first, whole, then its notes in full and in order under "Notes" (endnotes,
     each numbered like its marker): a reader follows the column without wading through the notes. Each
     note's place is kept by an empty comment and the notes go back there after printing. (Without the
     script the notes print after their paragraphs.) */
  let endnotes = null;
  /* every disclosure open on paper; afterwards each as the reader left it */
  const printDetails = printing => notes.forEach(n => {
    const d = n.querySelector("details");
    if (!d) return;
    if (printing) { n.dataset.was = d.open ? "1" : ""; d.open = true; } else d.open = n.dataset.was === "1";
  });
  /* on paper a note's run-in head and summary are one block that no column break splits (Chromium does not keep
     the orphans asked for inside the two columns): its children before the disclosure are wrapped while printing */
  const wrapHeads = printing => notes.forEach(n => {
    if (printing) {
      const head = doc.createElement("span"), details = n.querySelector(":scope > details");
      head.className = "ed-print-head";
      while (n.firstChild && n.firstChild !== details) head.append(n.firstChild);
      n.prepend(head);
    } else {
      const head = n.querySelector(":scope > .ed-print-head");
      if (head) head.replaceWith(...head.childNodes);
    }
  });
  /* paper is white: a reader in the dark scheme prints the light one (Material's scheme is an attribute on <body>) */
  let scheme = null;
  early.beforeprint = () => {
    if (endnotes) return;
    absolute();
    /* on paper every quote of a sentence with several notes carries its note's number, in place of the
       sentence's range ("21–25"), so a reader can tell which words each endnote is about */
    const numbered = markers.map(m => [m, groupOf(m)]).filter(([, group]) => group.length > 1);
    numberQuotes(numbered.map(([, group]) => group));
    numbered.forEach(([m]) => m.classList.add("ed-numbered"));
    scheme = doc.body.dataset.mdColorScheme;
    doc.body.dataset.mdColorScheme = "default";
    printDetails(true);
    wrapHeads(true);
    const section = doc.createElement("section"), title = doc.createElement("h2");
    section.className = "ed-endnotes";
    title.textContent = "Notes";
    section.append(title);
    endnotes = { section, places: units.map(u => { const place = doc.createComment(""); u.before(place); section.append(u); return [u, place]; }) };
    article.append(section);
  };
  early.afterprint = () => {
    if (!endnotes) return;
    endnotes.places.forEach(([u, place]) => place.replaceWith(u));
    endnotes.section.remove();
    endnotes = null;
    printDetails(false);
    wrapHeads(false);
    if (scheme) doc.body.dataset.mdColorScheme = scheme;
  };

  /* after a search result is chosen, Material closes its overlay and restores the scroll
     position: land once that is done */
  /* On a phone, closing Material's search overlay (a circle scaled 45 times, animated back) first widens
     the layout viewport to about 1,260 px and then narrows it again, and the page scrolls meanwhile: for a
     moment after a hash change, a scroll or a viewport change that leaves the linked element out of view
     lands again, so the note ends up in view. */
  let watchUntil = 0;
  const recheck = () => {
    if (!watchUntil || performance.now() > watchUntil) return;
    const el = targetOf(location.hash);
    if (!el) return;
    const r = el.getBoundingClientRect();
    if (r.top < headerBottom() || r.top > innerHeight - 64) land();
  };
  addEventListener("scroll", recheck, { passive: true });
  /* (the viewport's zoom changes fire no resize event: compare its width once a frame while watching) */
  function watchViewport() {
    let width = innerWidth;
    const frame = () => {
      if (performance.now() > watchUntil) return;
      if (innerWidth !== width) { width = innerWidth; recheck(); }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }
  addEventListener("hashchange", () => {
    land();
    watchUntil = performance.now() + 2000;
    watchViewport();
    setTimeout(() => { if (doc.body.dataset.mdScrolllock === undefined) land(); }, 120);
  });
  wide.addEventListener("change", relayout);
  /* a note that changes size (opened, closed, its disclosure toggled, the viewport resized): lay out again
     before the frame is painted */
  /* the first pass runs in the observer's first callback, after the browser's own first layout and before
     its first paint: its reads cost nothing, and the items are drawn where they belong */
  /* (the legend's Tab stop is checked first, while nothing has been written since the browser's layout: read
     after the pass's writes, it forced a style pass) */
  /* (not while printing: the notes are endnotes then, placed by the stylesheet, and a pass's writes to the column's
     height, which its observer watches too, set off "ResizeObserver loop completed with undelivered notifications") */
  const pass = () => { if (endnotes) return; keepLegendStop(); layout(); doc.documentElement.classList.add("ed-laid"); };
  if (observer) {
    early.resized = pass;
    observer.observe(article);
    units.forEach(u => observer.observe(u));
  }
  /* a link to #id: the linked note is opened and the margin laid out now, before the page is shown; without one, a
     wide screen's margin is laid out now too, before the frame in which the observers first report: the pass
     changes the column's height, which one of Material's observers, settled by then, would report too late */
  if (location.hash.length > 1 || !observer) { pass(); land(true); } else if (wide.matches) pass();
}
})();
