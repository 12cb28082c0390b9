/* Site search (issues 11, 13): the button in the header and the dialog. When search is
   first opened, four files are fetched together, about 50 KB gzipped: the MiniSearch
   engine (assets/vendor/), our ranking (kb-search-engine.js), this language's index
   (<language root>/search.json) and the results' styles (kb-search-results.css); every
   query after that runs in memory. */
(function () {
  "use strict";

  var config = document.getElementById("kb-search");
  var words = document.getElementById("kb-labels");
  if (!config || !words) return;
  config = JSON.parse(config.textContent);
  var L = JSON.parse(words.textContent);
  config.root = new URL(config.root, document.baseURI).href;  // the other files are relative to it
  var engine = null, ready = false, dialog, input, list, status, opener, runId = 0;

  function script(src, global) {
    return new Promise(function (resolve, reject) {
      if (window[global]) return resolve(window[global]);
      var tag = el("script", { src: new URL(src, config.root).href });
      tag.onload = function () { resolve(window[global]); };
      tag.onerror = function () { tag.remove(); reject(new Error(src)); };
      document.head.appendChild(tag);
    });
  }

  /* How results look (kb-search-results.css): no page carries it, results need the index anyway. */
  var styled = null;
  function stylesheet(href) {
    if (!styled) {
      styled = new Promise(function (resolve, reject) {
        var link = el("link", { rel: "stylesheet", href: new URL(href, config.root).href });
        link.onload = resolve;
        link.onerror = function () { link.remove(); reject(new Error(href)); };
        document.head.appendChild(link);
      });
      styled.catch(function () { styled = null; });  // offline: try again with the index
    }
    return styled;
  }

  /* The engine, the ranking, this language's pages and the results' styles, fetched
     together on first use. */
  function load() {
    if (!engine) {
      var pages = fetch(new URL(config.index, config.root).href).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      engine = Promise.all([script(config.engine, "MiniSearch"), script(config.ranking, "kbSearchEngine"), pages,
        stylesheet(config.styles)])
        .then(function (all) {
          Object.assign(L, all[2].words);  // the words shown with results (kb/model/labels)
          ready = true;
          return { ranking: all[1], index: new all[1].Engine(all[0], all[2].pages, config.root) };
        });
      engine.catch(function () { engine = null; });  // offline: try again on the next query
    }
    return engine;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function build() {
    dialog = el("dialog", { class: "kb-search", "aria-label": L.search });
    var form = el("form", { method: "dialog", class: "kb-search__form", role: "search" });
    input = el("input", { type: "search", class: "kb-search__input", "data-kb-search-input": "",
      placeholder: L.search_placeholder, "aria-label": L.search, "aria-controls": "kb-search-results",
      autocomplete: "off", spellcheck: "false", enterkeyhint: "search" });
    var close = el("button", { type: "submit", class: "kb-search__close", "aria-label": L.search_close }, "×");
    form.append(input, close);
    status = el("p", { class: "kb-search__status", role: "status", "aria-live": "polite" });
    list = el("ol", { class: "kb-search__results", id: "kb-search-results", "data-kb-search-results": "" });
    dialog.append(form, status, list);
    document.body.appendChild(dialog);
    // Typing, paste, IME commit and autofill all end in an input event; during IME
    // composition the text is not final, so wait for compositionend.
    input.addEventListener("input", function (e) { if (!e.isComposing) search(); });
    input.addEventListener("compositionend", search);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { var a = list.querySelector("a"); if (a) { e.preventDefault(); a.click(); } }
      // A search field's own Esc clears it; readers expect Esc to close search.
      if (e.key === "Escape") { e.preventDefault(); dialog.close(); }
      if (e.key === "ArrowDown") { var first = list.querySelector("a"); if (first) { e.preventDefault(); first.focus(); } }
    });
    list.addEventListener("keydown", function (e) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a")), i = links.indexOf(document.activeElement);
      if (i < 0 || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
      e.preventDefault();
      (e.key === "ArrowDown" ? links[i + 1] : (links[i - 1] || input)).focus();
    });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
    // Esc closes a modal dialog natively; focus goes back to the button that opened it.
    dialog.addEventListener("close", function () { if (opener) opener.focus(); });
  }

  function open() {
    if (!dialog) build();
    load();
    opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }

  async function search() {
    var query = input.value.trim(), id = ++runId;
    list.dataset.query = query;
    list.dataset.state = "busy";
    if (!query) { list.replaceChildren(); status.replaceChildren(); list.dataset.state = "done"; return; }
    var outcome = null;
    if (!ready) status.textContent = L.search_loading;  // the first query on a slow connection
    try {
      var loaded = await load();
      outcome = loaded.ranking.search(loaded.index, query, 10);
    } catch (e) { outcome = null; }
    if (id !== runId) return;  // a newer query is on its way
    var results = outcome ? outcome.results : [];
    list.replaceChildren.apply(list, results.map(render));
    // Not covered (kb-search-engine.js decides it from the match): say so, mark the
    // results as only the closest, and offer to suggest the question.
    list.classList.toggle("kb-search__results--closest", !!outcome && !outcome.covered);
    list.dataset.covered = outcome && !outcome.covered ? "no" : "yes";
    if (!outcome) status.textContent = L.search_failed;
    else if (!outcome.covered) status.replaceChildren(notCovered(query, results.length));
    else status.textContent = results.length ? "" : L.search_none;
    list.dataset.state = "done";
  }

  /* "本站尚未涉及这个问题" / "This site does not cover that yet", and a link that opens the
     suggest-a-question form (.github/ISSUE_TEMPLATE/suggest-question.yml) with the
     question filled in. */
  function notCovered(query, closest) {
    var box = el("span", { class: "kb-search__gap", "data-kb-search-gap": "" });
    box.append(el("strong", { class: "kb-search__gap-title" }, L.search_not_covered), " ");
    if (config.repository) {
      var form = new URLSearchParams({ template: "suggest-question.yml", title: L.search_suggest_title + query,
        question: query, language: config.lang || "" });
      box.append(el("a", { class: "kb-search__suggest", href: config.repository.replace(/\/$/, "") + "/issues/new?" + form,
        target: "_blank", rel: "noopener" }, L.search_suggest), " ");
    }
    if (closest) box.append(el("span", { class: "kb-search__closest" }, L.search_closest));
    return box;
  }

  function render(r) {
    var li = el("li", { class: "kb-search__result" });
    var a = el("a", { class: "kb-search-hit", href: r.url });
    var head = el("span", { class: "kb-search-hit__title" });
    // The verdict as the article shows it: the same badge (kb.css .kb-verdict, colours from
    // assets/kb-verdicts.css).
    if (r.verdict) head.append(el("span", { class: "kb-verdict kb-verdict--" + r.verdict.key }, r.verdict.label), " ");
    head.append(r.title + (r.section ? " › " + r.section : ""));
    var snippet = el("span", { class: "kb-search-hit__snippet" });
    snippet.innerHTML = r.excerpt;  // page text, escaped, with <mark> (excerpt())
    a.append(head, snippet);
    li.append(a);
    return li;
  }

  var button = el("button", { type: "button", class: "md-header__button md-icon kb-search-open",
    "data-kb-search-open": "", "aria-label": L.search, title: L.search, "aria-haspopup": "dialog" });
  button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  button.addEventListener("click", open);
  var header = document.querySelector(".md-header__inner");
  var before = header && header.querySelector(".md-header__option, .md-header__source");
  if (header) header.insertBefore(button, before ? before.nextSibling : null);
  document.addEventListener("keydown", function (e) {
    var typing = e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s" || e.key === "f")) {
      e.preventDefault();
      open();
    }
  });
})();
