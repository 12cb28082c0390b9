/* Small behaviours on top of Material, no dependencies: language switch keeps the
   #anchor, tap to preview term and citation links, copy-link buttons beside headings and
   claims, and the glossary filter. */
(function () {
  "use strict";
  /* Interface words in the page's language, from kb/labels/ (overrides/main.html). */
  var words = document.getElementById("kb-labels");
  var L = words ? JSON.parse(words.textContent) : {};

  /* --- Language switch keeps the #anchor (ids are the same in both languages) --- */
  function syncLanguageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var url = new URL(link.href, location.href);
      url.hash = location.hash;
      link.href = url.href;
    });
  }
  syncLanguageLinks();
  window.addEventListener("hashchange", syncLanguageLinks);

  /* --- Tap to preview ---
     Material shows a link's title as a tooltip on hover and focus (content.tooltips). A
     finger has no hover and a tap would just navigate, so on touch the first tap on a
     term or citation link shows its tooltip (by focusing it); a second tap follows it. */
  var lastPointer = "mouse";
  var armed = null;
  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; }, true);
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".md-typeset a.kb-term, .md-typeset .kb-cite a");
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
     same place on any host the reader copied from. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("#")[0] : location.href.split("#")[0];
  var icon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM8.5 19a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a2.5 2.5 0 0 0 3.5 3.5l2.1-2.1a1 1 0 0 1 1.4 1.4l-2.1 2.1A4.5 4.5 0 0 1 8.5 19Zm7.5-4.8a1 1 0 0 1-.7-1.7l2.1-2.1a2.5 2.5 0 0 0-3.5-3.5l-2.1 2.1a1 1 0 1 1-1.4-1.4l2.1-2.1a4.5 4.5 0 0 1 6.3 6.3l-2.1 2.1a1 1 0 0 1-.7.3Z"/></svg>';
  document.querySelectorAll(
    "article.md-content__inner h2[id], article.md-content__inner h3[id], article.md-content__inner h4[id], .kb-claim[id] > .kb-claim__head"
  ).forEach(function (target) {
    var id = target.id || target.parentElement.id;
    if (!id || id === "cite-title") return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-copylink";
    button.setAttribute("data-clipboard-text", base + "#" + id);
    button.setAttribute("aria-label", L.copy_link_here + " (#" + id + ")");
    button.title = L.copy_link_here;
    button.innerHTML = icon;
    target.appendChild(button);
  });

  /* --- Glossary filter ---
     kbNormalise is the twin of kb/normalise.py (tests/browser compare the two): NFKC,
     lower case, then drop spaces, hyphens and dashes, dots, middle dots, brackets, quotes. */
  function kbNormalise(text) {
    return text.normalize("NFKC").toLowerCase().replace(/[\s\-‐‑‒–—_.·・()\[\]{}（）【】'"’‘“”,，、/]+/g, "");
  }
  window.kbNormalise = kbNormalise;
  var input = document.getElementById("kb-filter-input");
  var list = document.querySelector("[data-kb-glossary]");
  if (input && list) {
    var items = Array.prototype.map.call(list.children, function (item) {
      return { element: item, keys: JSON.parse(item.getAttribute("data-kb-keys")) };
    });
    var statusLine = document.querySelector(".kb-filter__status");
    var apply = function () {
      var query = kbNormalise(input.value);
      var shown = 0;
      items.forEach(function (item) {
        var match = !query || item.keys.some(function (key) { return key.indexOf(query) !== -1; });
        item.element.hidden = !match;
        if (match) shown += 1;
      });
      if (!query) statusLine.textContent = statusLine.getAttribute("data-total");
      else if (!shown) statusLine.textContent = statusLine.getAttribute("data-none");
      else statusLine.textContent = shown === 1 ? L.filter_match_one : L.filter_matches.replace("{n}", shown);
    };
    input.addEventListener("input", apply);
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; }
    apply();
  }
})();
