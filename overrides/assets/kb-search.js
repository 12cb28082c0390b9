/* Site search on Pagefind (issue 11): our button in Material's header, our dialog, our
   ranking of reader questions. Pagefind answers one query with the pages that hold every
   word; a forum question ("维生素K2和D3要同时吃吗") holds function words that no page
   needs, so the question is split into words here (Han from Latin, mk4 -> mk-4, function
   words dropped), each word is searched, and pages are ranked by how many of the rarer
   words they hold. A claim is a section of its own (kb/pagefind_index.py), so a result
   links to the claim that matched best, with its verdict.
   The index (language root + "pagefind/") loads when search is first opened. */
(function () {
  "use strict";

  var ZH_STOP = ["要不要", "是不是", "有没有", "能不能", "会不会", "可不可以", "可以", "需要", "为什么",
    "什么", "怎么", "多少", "哪些", "一起", "同时", "还能", "进了", "身体里", "合适",
    "吗", "呢", "吧", "啊", "呀", "的", "了", "和", "与", "跟", "及", "还", "要", "能", "会", "是",
    "有", "在", "里", "对", "我", "你", "吃", "补", "加", "光", "不", "多", "长", "为"];
  var EN_STOP = ("a an the is are was be do does did i my me you your we it its to of in on at " +
    "for with and or can could should would will how what which why when who there get "
    + "much many per take taking them in into any").split(" ");

  /* The words of a question, most specific first. */
  function terms(query) {
    var q = query.normalize("NFKC").toLowerCase();
    q = q.replace(/([\u3400-\u9fff])([a-z0-9])/g, "$1 $2").replace(/([a-z0-9])([\u3400-\u9fff])/g, "$1 $2");
    q = q.replace(/\bmk\s*-?\s*(\d+)\b/g, "mk-$1");                 // mk4, mk 4 -> mk-4
    q = q.replace(/\b(\d+)\s*(mg|µg|ug|mcg)\b/g, "$1 $2");
    var words = [];
    q.split(/[\s,.;:!?，。、；：！？（）()“”"'‘’]+/).forEach(function (w) {
      if (!w) return;
      if (/[\u3400-\u9fff]/.test(w)) {
        ZH_STOP.forEach(function (s) { w = w.split(s).join(" "); });
        w.split(/\s+/).forEach(function (p) { if (p) words.push(p); });
      } else if (EN_STOP.indexOf(w) < 0) {
        words.push(w);
      }
    });
    return words.filter(function (w, i) { return words.indexOf(w) === i; });
  }

  /* Pages ranked for a question: per word, Pagefind's score scaled to the word's best,
     weighted by the word's rarity; pages holding every word rank first among equals. */
  async function rank(pagefind, query, limit) {
    var words = terms(query);
    if (!words.length) return [];
    var perWord = await Promise.all(words.map(function (w) { return pagefind.search(w); }));
    var pages = {}, total = 80;
    perWord.forEach(function (res, i) {
      var results = res.results;
      if (!results.length) return;
      var idf = Math.log(1 + total / results.length), best = results[0].score || 1;
      results.forEach(function (r) {
        var p = pages[r.id] || (pages[r.id] = { id: r.id, score: 0, hits: [] });
        p.score += idf * (0.4 + 0.6 * r.score / best);
        p.hits.push({ result: r, idf: idf, word: words[i] });
      });
    });
    // A page that holds more of the question's words answers it better than a short
    // page that holds one of them often (term pages are short and dense).
    var found = perWord.filter(function (r) { return r.results.length; }).length || 1;
    Object.keys(pages).forEach(function (k) {
      var share = pages[k].hits.length / found;
      pages[k].score *= share * share;
    });
    var ranked = Object.keys(pages).map(function (k) { return pages[k]; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, limit || 8);
    return Promise.all(ranked.map(describe));
  }

  /* The best section of a page for the words it matched: title, link, verdict, snippet. */
  async function describe(page) {
    var datas = await Promise.all(page.hits.map(function (h) { return h.result.data(); }));
    var sections = {};
    datas.forEach(function (d, i) {
      (d.sub_results || []).forEach(function (s) {
        var sec = sections[s.url] || (sections[s.url] = { sub: s, weight: 0, excerpt: s.excerpt, best: 0 });
        sec.weight += page.hits[i].idf;
        if (page.hits[i].idf > sec.best) { sec.best = page.hits[i].idf; sec.excerpt = s.excerpt; }
      });
    });
    var first = datas[0], chosen = null;
    Object.keys(sections).forEach(function (url) {
      var s = sections[url];
      if (!chosen || s.weight > chosen.weight + 1e-9) chosen = s;
    });
    var url = chosen ? chosen.sub.url : first.url;
    var anchor = url.split("#")[1] || "";
    var verdict = anchor && first.meta["verdict-" + anchor];
    var pageTitle = first.meta.title || "";
    var sectionTitle = chosen && chosen.sub.title !== pageTitle ? chosen.sub.title : "";
    return {
      url: url,
      title: verdict ? sectionTitle : pageTitle,
      context: verdict || sectionTitle ? pageTitle + (verdict ? "" : "") : "",
      section: verdict ? "" : sectionTitle,
      verdict: verdict ? { key: verdict.split("/")[0], label: verdict.split("/").slice(1).join("/") } : null,
      excerpt: chosen ? chosen.excerpt : first.excerpt,
    };
  }

  window.kbSearch = { terms: terms, rank: rank };

  /* ---- The dialog ---------------------------------------------------------------- */
  var config = document.getElementById("kb-search-config");
  if (!config) return;
  config = JSON.parse(config.textContent);
  var pagefind = null, dialog, input, list, status, runId = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL(config.bundle + "pagefind.js", document.baseURI).href)
        .then(function (pf) { return pf.init().then(function () { return pf; }); });
    }
    return pagefind;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function build() {
    dialog = el("dialog", { class: "kb-search", "aria-label": config.labels.search });
    var form = el("form", { method: "dialog", class: "kb-search__form", role: "search" });
    input = el("input", { type: "search", class: "kb-search__input", "data-kb-search-input": "",
      placeholder: config.labels.placeholder, "aria-label": config.labels.placeholder,
      autocomplete: "off", spellcheck: "false", enterkeyhint: "search" });
    var close = el("button", { type: "submit", class: "kb-search__close", "aria-label": config.labels.close }, "×");
    form.append(input, close);
    status = el("p", { class: "kb-search__status", role: "status" });
    list = el("ol", { class: "kb-search__results", "data-kb-search-results": "" });
    dialog.append(form, status, list);
    document.body.appendChild(dialog);
    // Typing, paste, IME commit and autofill all end in an input event; during IME
    // composition the text is not final, so wait for compositionend.
    input.addEventListener("input", function (e) { if (!e.isComposing) search(); });
    input.addEventListener("compositionend", search);
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { var a = list.querySelector("a"); if (a) { e.preventDefault(); a.click(); } }
    });
    dialog.addEventListener("click", function (e) { if (e.target === dialog) dialog.close(); });
  }

  function open() {
    if (!dialog) build();
    load();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
  }

  async function search() {
    var query = input.value.trim(), id = ++runId;
    list.dataset.query = query;
    list.dataset.state = "busy";
    if (!query) { list.replaceChildren(); status.textContent = ""; list.dataset.state = "done"; return; }
    var pf = await load();
    var results = await rank(pf, query, 10);
    if (id !== runId) return;  // a newer query is on its way
    list.replaceChildren.apply(list, results.map(render));
    status.textContent = results.length ? "" : config.labels.none;
    list.dataset.state = "done";
  }

  function render(r) {
    var li = el("li", { class: "kb-search__result" });
    var a = el("a", { class: "kb-search-hit", href: r.url });
    if (r.verdict) a.append(el("span", { class: "kb-verdict kb-verdict--" + r.verdict.key }, r.verdict.label), " ");
    a.append(el("span", { class: "kb-search-hit__title" }, r.title));
    if (r.context || r.section) {
      a.append(el("span", { class: "kb-search-hit__where" }, [r.context, r.section].filter(Boolean).join(" › ")));
    }
    var snippet = el("span", { class: "kb-search-hit__snippet" });
    snippet.innerHTML = r.excerpt;  // Pagefind's excerpt: page text, escaped, with <mark>
    a.append(snippet);
    li.append(a);
    return li;
  }

  var button = el("button", { type: "button", class: "md-header__button md-icon kb-search-open",
    "data-kb-search-open": "", "aria-label": config.labels.search, title: config.labels.search });
  button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  button.addEventListener("click", open);
  var header = document.querySelector(".md-header__inner");
  if (header) header.appendChild(button);
  document.addEventListener("keydown", function (e) {
    var typing = e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName);
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s")) {
      e.preventDefault();
      open();
    }
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { open(); input.value = initial; search(); }
})();
