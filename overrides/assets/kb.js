/* Small behaviours on top of Material, no dependencies:
   language switch keeps the #anchor, term and citation tooltips (hover, focus and tap),
   copy buttons (cite box, headings, claims), and the glossary filter. */
(function () {
  "use strict";
  var zh = document.documentElement.lang.indexOf("zh") === 0;
  var T = zh
    ? { copied: "已复制", copyLink: "复制指向此处的链接", failed: "复制失败", open: "打开术语页", none: "没有匹配的术语。" }
    : { copied: "Copied", copyLink: "Copy a link to this place", failed: "Copy failed", open: "Open the term page", none: "No matching term." };

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

  /* --- Tooltips for term links and citations ---
     The text comes from the link's title, moved to data-kb-tip so the browser does not
     show a second, native tooltip. Mouse: hover or focus shows it. Touch: the first tap
     shows it (with a link to the term page), a second tap on the same link follows it. */
  var tip = document.createElement("div");
  tip.className = "kb-tip";
  tip.id = "kb-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var tipOwner = null;
  var lastPointer = "mouse";

  function tipTargets() {
    return document.querySelectorAll(".md-typeset a.kb-term[title], .md-typeset .kb-cite a[title]");
  }
  tipTargets().forEach(function (link) {
    link.setAttribute("data-kb-tip", link.getAttribute("title"));
    link.removeAttribute("title");
  });

  function showTip(link, withLink) {
    tip.textContent = link.getAttribute("data-kb-tip");
    if (withLink && link.classList.contains("kb-term")) {
      var open = document.createElement("a");
      open.href = link.href;
      open.textContent = " " + T.open + " →";
      tip.appendChild(open);
    }
    tip.hidden = false;
    var box = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
    link.setAttribute("aria-describedby", "kb-tip");
    tipOwner = link;
  }
  function hideTip() {
    if (tipOwner) tipOwner.removeAttribute("aria-describedby");
    tip.hidden = true;
    tipOwner = null;
  }
  document.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || "mouse"; }, true);
  document.addEventListener("mouseover", function (event) {
    var link = event.target.closest && event.target.closest("[data-kb-tip]");
    if (link && lastPointer === "mouse") showTip(link, false);
  });
  document.addEventListener("mouseout", function (event) {
    var link = event.target.closest && event.target.closest("[data-kb-tip]");
    if (link && tipOwner === link && lastPointer === "mouse") hideTip();
  });
  document.addEventListener("focusin", function (event) {
    var link = event.target.closest && event.target.closest("[data-kb-tip]");
    if (link && lastPointer !== "touch") showTip(link, false);
  });
  document.addEventListener("focusout", function (event) {
    if (tipOwner && event.target === tipOwner && lastPointer !== "touch") hideTip();
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hideTip(); });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-kb-tip]");
    if (link && lastPointer === "touch" && tipOwner !== link) {
      event.preventDefault();
      showTip(link, true);
    } else if (!link && !(event.target.closest && event.target.closest("#kb-tip"))) {
      hideTip();
    }
  });

  /* --- Copy buttons --- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      (ok ? resolve : reject)();
    });
  }
  function flash(button, text) {
    button.setAttribute("data-copied", text);
    var status = document.getElementById("kb-copy-status");
    if (status) status.textContent = text;
    setTimeout(function () { button.removeAttribute("data-copied"); }, 2000);
  }
  var status = document.createElement("p");
  status.id = "kb-copy-status";
  status.className = "md-visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-kb-copy]");
    if (!button) return;
    copyText(button.getAttribute("data-kb-copy")).then(
      function () { flash(button, T.copied); },
      function () { flash(button, T.failed); }
    );
  });

  /* Copy-link buttons beside headings and claims: the permanent (canonical) URL plus the
     anchor, so a pasted link opens the same place on any host the reader copied from. */
  var canonical = document.querySelector('link[rel="canonical"]');
  var base = canonical ? canonical.href.split("#")[0] : location.href.split("#")[0];
  var icon = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM8.5 19a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1a1 1 0 1 1 1.4 1.4l-2.1 2.1a2.5 2.5 0 0 0 3.5 3.5l2.1-2.1a1 1 0 0 1 1.4 1.4l-2.1 2.1A4.5 4.5 0 0 1 8.5 19Zm7.5-4.8a1 1 0 0 1-.7-1.7l2.1-2.1a2.5 2.5 0 0 0-3.5-3.5l-2.1 2.1a1 1 0 1 1-1.4-1.4l2.1-2.1a4.5 4.5 0 0 1 6.3 6.3l-2.1 2.1a1 1 0 0 1-.7.3Z"/></svg>';
  document.querySelectorAll(
    "article.md-content__inner h2[id], article.md-content__inner h3[id], article.md-content__inner h4[id]"
  ).forEach(function (target) {
    var id = target.id;  // a claim's id is on its title heading
    if (!id || id === "cite-title") return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kb-copylink";
    button.setAttribute("data-kb-copy", base + "#" + id);
    button.setAttribute("aria-label", T.copyLink + " (#" + id + ")");
    button.title = T.copyLink;
    button.innerHTML = icon;
    target.appendChild(button);
  });

  /* --- Claims index: filter by verdict (without JavaScript it is a plain list) --- */
  var claimsFilter = document.querySelector("[data-kb-claims-filter]");
  var claimsList = document.querySelector("[data-kb-claims]");
  if (claimsFilter && claimsList) {
    var verdictSelect = claimsFilter.querySelector("select");
    claimsFilter.hidden = false;
    verdictSelect.addEventListener("change", function () {
      Array.prototype.forEach.call(claimsList.children, function (item) {
        item.hidden = Boolean(verdictSelect.value) && item.getAttribute("data-kb-verdict") !== verdictSelect.value;
      });
    });
  }

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
      else statusLine.textContent = zh ? "匹配 " + shown + " 个术语" : shown + " matching " + (shown === 1 ? "term" : "terms");
    };
    input.addEventListener("input", apply);
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; }
    apply();
  }
})();
