/* Small behaviours on top of Material, no dependencies: Material's own script started
   after the first paint, language switch keeps the page and #anchor, tap to preview term
   and citation links, copy-link buttons beside headings and claims, and the glossary filter. */
(function () {
  "use strict";
  // <html> is marked kb-js (kb.css shows .kb-js-only elements) by the inline script after the
  // header (overrides/main.html), before the first paint this script now comes after.

  // Work that is not needed for the first paint waits until the browser is idle.
  var whenIdle = window.requestIdleCallback || function (work) { setTimeout(work, 1); };

  /* --- Material's script, after the first paint ---
     kb/finish/deferred_scripts.py marks it type="kb/after-paint", so the browser neither fetches
     nor runs it while the page loads; it is started here once the page has loaded and a
     frame has been drawn (this script itself is started then, by the page's loader in
     overrides/main.html; deferred, with the scripts_after_paint switch off, it waits for
     the load event). (Preloading it from here was tried: its buttons answered no
     sooner on a slow phone, and the page's load event waited for it.) Material's page
     features (header title, contents, sidebars) wait for DOMContentLoaded, which has
     passed by then, so the event is sent again once its script has run
     (tests/browser/test_material_start.py). html[data-material-started] tells tests that
     Material's buttons answer. */
  var material = Array.prototype.slice.call(document.querySelectorAll('script[type="kb/after-paint"]'));
  function startMaterial(then) {
    var left = material.length;
    if (!left) return then();
    material.forEach(function (mark) {
      var script = document.createElement("script");
      script.src = mark.src;
      script.async = false;  // in document order, as Material's template lists them
      script.onload = script.onerror = function () {
        left -= 1;
        if (left) return;
        // A task of its own: the load event runs in the task that ran the script, and
        // evaluating the bundle and mounting Material's components together made one task
        // of about 110 ms on Lighthouse's slow phone, twice a long task's threshold.
        setTimeout(function () {
          document.dispatchEvent(new Event("DOMContentLoaded"));
          document.documentElement.setAttribute("data-material-started", "");
          then();
        }, 0);
      };
      document.body.appendChild(script);
    });
  }
  function afterPaint() {
    requestAnimationFrame(function () { setTimeout(function () { startMaterial(layOutRest); }, 0); });
  }
  if (document.readyState === "complete") afterPaint();
  else window.addEventListener("load", afterPaint);

  /* --- Long pages: the rest of the text laid out, a few blocks at a time ---
     On a long page the head's script marked <html> kb-lazy-layout (kb/finish/lazy_layout.py), so
     the browser laid out only the blocks near the screen. Once Material has started, the
     blocks still waiting are laid out in idle time, about STEP_CHARACTERS of text per step:
     on a CPU four times slower than a desktop's, mostly 10-30 ms, below a long task (50 ms).
     (1,000 characters per step made steps of 45-65 ms there once the articles had tables
     and figures, each laid out with the step that reaches it: 600 since.)
     (Steps timed to 4 ms each came out at 10-12 ms there anyway, a fixed cost per step,
     and three times as many: 0.74 s of work against 0.41 s.) Then the page's height is
     real, and tools that read colours from the drawn page see every block.
     html[data-kb-laid-out] marks the end, for tests. The blocks are found by their computed
     style, so kb.css alone says which wait. */
  var STEP_CHARACTERS = 600;
  function layOutRest() {
    var root = document.documentElement;
    if (!root.classList.contains("kb-lazy-layout")) return;
    var waiting = Array.prototype.filter.call(
      document.querySelectorAll(".md-content__inner > *, .md-content__inner > * > *"),
      function (block) { return getComputedStyle(block).contentVisibility === "auto"; });
    var next = 0;
    function step() {
      for (var characters = 0; next < waiting.length && characters < STEP_CHARACTERS; next += 1) {
        characters += waiting[next].textContent.length + 1;
        waiting[next].classList.add("kb-laid-out");
      }
      void document.body.offsetHeight;  // lays this step out now, in this task
      if (next < waiting.length) whenIdle(step);
      else root.setAttribute("data-kb-laid-out", "");
    }
    whenIdle(step);
  }

  /* Interface words in the page's language, from kb/model/labels/ (overrides/main.html). */
  var words = document.getElementById("kb-labels");
  var L = words ? JSON.parse(words.textContent) : {};

  /* --- Language switch: the same page and #anchor in the other language ---
     The switcher's links (Material's extra.alternate) point at each language's home. Every
     page exists in every language at the same path below its home, with the same ids, so
     the path below this language's home carries over. The 404 page (no canonical link)
     keeps the plain home links: its path exists nowhere. */
  var here = document.querySelector('a.md-select__link[hreflang="' + document.documentElement.lang + '"]');
  var homes = Array.prototype.map.call(document.querySelectorAll("a.md-select__link[hreflang]"), function (link) {
    return { link: link, home: link.href };
  });
  function syncLanguageLinks() {
    if (!here || !document.querySelector('link[rel="canonical"]')) return;
    var ownHome = homes.filter(function (item) { return item.link === here; })[0].home;
    if (location.href.indexOf(ownHome) !== 0) return;
    var rest = location.href.slice(ownHome.length);
    homes.forEach(function (item) { item.link.href = new URL(rest, item.home).href; });
  }
  syncLanguageLinks();
  window.addEventListener("hashchange", syncLanguageLinks);

  /* --- Previews of term and citation links ---
     A term link's title is its definition, a citation's its reference. One tooltip element
     shows it on hover and on focus, with listeners on the document only: binding each of
     an article's ~200 links at load (Material's content.tooltips) costs a phone about
     0.4 s of main thread before the page answers. The title moves to data-kb-tip the
     first time it is shown, so the browser's own tooltip does not show it twice; without
     JavaScript the title is the preview. A finger has no hover and a tap would navigate,
     so on touch the first tap shows the preview (by focusing the link); a second follows it. */
  var PREVIEWED = ".md-typeset a.kb-term, .md-typeset .kb-cite a";
  var tip = null;
  var shownFor = null;
  function showTip(link) {
    if (link.title) { link.setAttribute("data-kb-tip", link.title); link.removeAttribute("title"); }
    var text = link.getAttribute("data-kb-tip");
    if (!text) return;
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "kb-tip";
      tip.id = "kb-tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = text;
    tip.lang = link.closest("[lang]") ? link.closest("[lang]").lang : document.documentElement.lang;
    tip.hidden = false;
    link.setAttribute("aria-describedby", "kb-tip");
    shownFor = link;
    var box = link.getBoundingClientRect(), width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - tip.offsetWidth - 8));
    var below = box.bottom + 6 + tip.offsetHeight < window.innerHeight || box.top < tip.offsetHeight + 6;
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = (below ? box.bottom + 6 : box.top - tip.offsetHeight - 6) + window.scrollY + "px";
  }
  function hideTip() {
    if (!tip || !shownFor) return;
    tip.hidden = true;
    shownFor.removeAttribute("aria-describedby");
    shownFor = null;
  }
  function previewed(event) { return event.target.closest && event.target.closest(PREVIEWED); }
  document.addEventListener("mouseover", function (event) { var link = previewed(event); if (link) showTip(link); });
  document.addEventListener("mouseout", function (event) {
    var link = previewed(event);
    if (link && link === shownFor && document.activeElement !== link) hideTip();
  });
  document.addEventListener("focusin", function (event) { var link = previewed(event); if (link) showTip(link); });
  document.addEventListener("focusout", function (event) { if (previewed(event) === shownFor) hideTip(); });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hideTip(); });

  var lastPointer = "mouse";
  var armed = null;
  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; }, true);
  document.addEventListener("click", function (event) {
    var link = previewed(event);
    if (!link || lastPointer !== "touch") { armed = null; return; }
    if (armed !== link) {
      event.preventDefault();
      armed = link;
      link.focus();
    }
  });

  /* --- Copy-link buttons beside headings and claims ---
     Copying is Material's (any element with data-clipboard-text; it announces "Copied").
     The link is the permanent (canonical) URL plus the anchor, so a pasted link opens the
     same place on any host the reader copied from. It ends with a space, like every copied
     bare URL (kb/model/claims.py cite_forms): a forum's link detector would otherwise take
     the Chinese text typed right after it into the link. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("#")[0] : location.href.split("#")[0];
  var icon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM8.5 19a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a2.5 2.5 0 0 0 3.5 3.5l2.1-2.1a1 1 0 0 1 1.4 1.4l-2.1 2.1A4.5 4.5 0 0 1 8.5 19Zm7.5-4.8a1 1 0 0 1-.7-1.7l2.1-2.1a2.5 2.5 0 0 0-3.5-3.5l-2.1 2.1a1 1 0 1 1-1.4-1.4l2.1-2.1a4.5 4.5 0 0 1 6.3 6.3l-2.1 2.1a1 1 0 0 1-.7.3Z"/></svg>';
  whenIdle(function () { document.querySelectorAll(
    "article.md-content__inner h2[id], article.md-content__inner h3[id], article.md-content__inner h4[id]"
  ).forEach(function (target) {
    var id = target.id;  // a claim's id is on its title heading
    if (!id || id === "cite-title") return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-copylink";
    button.setAttribute("data-clipboard-text", base + "#" + id + " ");
    button.setAttribute("aria-label", L.copy_link_here + " (#" + id + ")");
    button.title = L.copy_link_here;
    button.innerHTML = icon;
    target.appendChild(button);
  }); });

  /* --- Claims index: filter by verdict (without JavaScript it is a plain list) --- */
  var claimsFilter = document.querySelector("[data-kb-claims-filter]");
  var claimsList = document.querySelector("[data-kb-claims]");
  if (claimsFilter && claimsList) {
    // Shown from the first paint (kb-js-only); a verdict picked before this script arrived
    // applies now.
    var verdictSelect = claimsFilter.querySelector("select");
    var applyVerdict = function () {
      Array.prototype.forEach.call(claimsList.children, function (item) {
        item.hidden = Boolean(verdictSelect.value) && item.getAttribute("data-kb-verdict") !== verdictSelect.value;
      });
    };
    verdictSelect.addEventListener("change", applyVerdict);
    applyVerdict();
  }

  /* --- Glossary filter ---
     kbNormalise is the twin of kb/model/normalise.py (tests/browser compare the two): NFKC,
     lower case, then drop spaces, hyphens and dashes, dots, middle dots, brackets, quotes.
     Site search (kb-search-engine.js) matches a query to a term's names with it too. */
  function kbNormalise(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[\s\-‐‑‒–—_.·・()\[\]{}（）【】'"’‘“”,，、/]+/g, "");
  }
  window.kbNormalise = kbNormalise;
  var input = document.getElementById("kb-filter-input");
  var list = document.querySelector("[data-kb-glossary]");
  if (input && list) {
    var items = Array.prototype.map.call(list.children, function (item, index) {
      return { element: item, index: index, keys: JSON.parse(item.getAttribute("data-kb-keys")) };
    });
    var statusLine = document.querySelector(".kb-filter__status");
    // 0: a name or alias equals the query, 1: one starts with it, 2: one contains it.
    var rank = function (item, query) {
      var best = 3;
      item.keys.forEach(function (key) {
        var at = key.indexOf(query);
        if (at === -1) return;
        best = Math.min(best, key === query ? 0 : at === 0 ? 1 : 2);
      });
      return best;
    };
    var apply = function () {
      var query = kbNormalise(input.value);
      var shown = 0;
      items.forEach(function (item) {
        item.rank = query ? rank(item, query) : 0;
        item.element.hidden = item.rank === 3;
        if (item.rank < 3) shown += 1;
      });
      // Best matches first; the list's own order within a rank (and when the box is empty).
      items.slice().sort(function (a, b) { return a.rank - b.rank || a.index - b.index; })
        .forEach(function (item) { list.appendChild(item.element); });
      if (!query) statusLine.textContent = statusLine.getAttribute("data-total");
      else if (!shown) statusLine.textContent = statusLine.getAttribute("data-none");
      else statusLine.textContent = shown === 1 ? statusLine.getAttribute("data-one")
        : statusLine.getAttribute("data-many").replace("{n}", shown);
    };
    input.addEventListener("input", apply);
    // ?q= fills the box, unless the reader has typed in it before this script arrived
    // (the box is there from the first paint); either way the list is filtered now.
    var initial = new URLSearchParams(location.search).get("q");
    if (initial && !input.value) { input.value = initial; }
    apply();
  }
})();
