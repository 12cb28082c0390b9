/* Site search on Pagefind (issue 11): a button in the header, a dialog, our ranking of
   reader questions. The index (<language root>/pagefind/, kb/pagefind_index.py) loads
   when search is first opened, and holds only this language's pages.

   Pagefind returns the pages that hold every word of a query; a forum question
   ("维生素K2和D3要同时吃吗") holds words no page needs, so the question is split into
   words here (Han from Latin, mk4 -> mk-4, function words dropped), each word is searched
   on its own, and pages are ranked by how many of the rarer words they hold. Chinese is
   indexed one character per word, so a Chinese word is searched as an exact phrase of
   its characters (found wherever they stand together); the spaces the index puts between
   Han characters are removed again for display. */
(function () {
  "use strict";

  var HAN = "\u3400-\u9fff";
  // Chinese function words and question frames, longest first (removed before searching).
  var ZH_STOP = ["可不可以", "要不要", "是不是", "有没有", "能不能", "会不会", "为什么", "什么", "怎么", "多少",
    "哪些", "可以", "需要", "一起", "同时", "还能", "合适", "有用", "好处",
    "吗", "呢", "吧", "啊", "呀", "的", "了", "和", "与", "跟", "及", "还", "要", "能", "会", "是",
    "有", "在", "里", "对", "我", "你", "吃", "补", "加", "不", "多", "为", "就", "都", "也", "该", "得"];
  var EN_STOP = ("a an the is are was be do does did i my me you your we it its to of in on at for with " +
    "and or can could should would will how what which why when who there get much many per take " +
    "taking them into any some than more most too").split(" ");
  // Words readers use that the site does not: searched as the site's words too.
  var SYNONYMS = { overdose: ["toxic"], overdosing: ["toxic"], "中毒": ["毒性"], "副作用": ["毒性"] };
  var QUESTION = new RegExp("[?？吗呢]|^(is|are|does|do|can|should|how|what|why|will|which)\\b|[" + HAN + "].*[" + HAN + "].*[" + HAN + "]");

  function stripZh(run) {
    ZH_STOP.forEach(function (s) { run = run.split(s).join(" "); });
    return run.split(/\s+/).filter(Boolean);
  }

  /* The words of a query: [{text, han}] (Han words become exact character phrases). */
  function terms(query) {
    var q = query.normalize("NFKC").toLowerCase();
    q = q.replace(new RegExp("([" + HAN + "])([a-z0-9])", "g"), "$1 $2")
      .replace(new RegExp("([a-z0-9])([" + HAN + "])", "g"), "$1 $2");
    q = q.replace(/\bmk\s*-?\s*(\d+)\b/g, "mk-$1");                 // mk4, mk 4 -> mk-4
    q = q.replace(/\b(\d+)\s*(mg|µg|ug|mcg)\b/g, "$1 $2");
    var words = [];
    q.split(/[\s,.;:!?，。、；：！？（）()“”"'‘’]+/).forEach(function (w) {
      if (!w) return;
      if (new RegExp("[" + HAN + "]").test(w)) {
        stripZh(w).forEach(function (p) { words.push(p); });
      } else if (EN_STOP.indexOf(w) < 0) {
        words.push(w);
      }
    });
    words.slice().forEach(function (w) { (SYNONYMS[w] || []).forEach(function (s) { words.push(s); }); });
    return words.filter(function (w, i) { return words.indexOf(w) === i; });
  }

  /* Chinese words of a chunk, for when the chunk as a whole is not found: Intl.Segmenter
     words, runs of single characters kept together (ICU splits unknown words: 羧/化). */
  function zhWords(chunk) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [chunk];
    var out = [], single = "";
    Array.from(new Intl.Segmenter("zh", { granularity: "word" }).segment(chunk)).forEach(function (s) {
      if (s.segment.length === 1) { single += s.segment; return; }
      if (single) { out.push(single); single = ""; }
      out.push(s.segment);
    });
    if (single) out.push(single);
    return out.filter(function (w) { return w !== chunk; });
  }

  function squash(text) { return text.normalize("NFKC").toLowerCase().replace(/\s+/g, ""); }
  function isHan(word) { return new RegExp("^[" + HAN + "]+$").test(word); }
  function pagefindQuery(word) {
    return isHan(word) ? '"' + Array.from(word).join(" ") + '"' : word;
  }
  function unspace(text) {  // the index's spaces between Han characters, around <mark> too
    return (text || "").replace(new RegExp("([" + HAN + "])((?:</?mark>)*) ((?:</?mark>)*)(?=[" + HAN + "])", "g"), "$1$2$3")
      .replace(/<\/mark><mark>/g, "");
  }

  /* Search each word; a Chinese chunk that finds nothing is searched as its words. */
  async function searchWords(pagefind, words) {
    function one(w) {
      return pagefind.search(pagefindQuery(w)).then(function (res) { return { word: w, results: res.results }; });
    }
    var found = await Promise.all(words.map(one));
    var again = await Promise.all(found.map(function (f) {
      var parts = !f.results.length && isHan(f.word) && f.word.length >= 3 ? zhWords(f.word) : [];
      return Promise.all(parts.map(one));
    }));
    return found.concat.apply(found, again);
  }

  /* Pages ranked for a query: per word, Pagefind's score scaled to the word's best,
     weighted by the word's rarity; pages holding more of the words rank first; for a
     question, a claim page (the claim and the ways readers ask it) before other pages. */
  async function rank(pagefind, query, limit) {
    var words = terms(query);
    if (!words.length) return [];
    var perWord = await searchWords(pagefind, words);
    var pages = {}, total = 100;
    perWord.forEach(function (w) {
      if (!w.results.length) return;
      var idf = Math.log(1 + total / w.results.length), best = w.results[0].score || 1;
      w.results.forEach(function (r) {
        var p = pages[r.id] || (pages[r.id] = { id: r.id, score: 0, hits: [] });
        p.score += idf * (0.4 + 0.6 * r.score / best);
        p.hits.push({ result: r, idf: idf, word: w.word });
      });
    });
    var found = perWord.filter(function (w) { return w.results.length; }).length || 1;
    Object.keys(pages).forEach(function (k) {
      var share = pages[k].hits.length / found;
      pages[k].score *= share * share;
    });
    var ranked = Object.keys(pages).map(function (k) { return pages[k]; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, words.length > 1 ? 12 : 30);  // a term: look further for the page it names
    var described = await Promise.all(ranked.map(describe));
    var question = QUESTION.test(query.trim().toLowerCase()) && words.length > 1;
    var joined = squash(query.replace(/\bmk\s*-?\s*(\d+)\b/gi, "mk-$1"));
    var matched = perWord.filter(function (w) { return w.results.length; }).map(function (w) { return w.word; });
    described.forEach(function (d, i) {
      var p = ranked[i], title = squash(d.pageTitle);
      d.score = p.score;
      if (question && d.verdict) d.score *= 1.5;
      // A title that holds the query's words names what the page is about.
      var inTitle = matched.filter(function (w) { return title.indexOf(w.replace(/\s+/g, "")) >= 0; }).length;
      d.score *= 1 + inTitle / (matched.length || 1);
      // The page named by the query (a term, asked by its name) comes first.
      if (title === joined || d.names.indexOf(joined) >= 0) d.score *= 10;
    });
    return described.sort(function (a, b) { return b.score - a.score; }).slice(0, limit || 8);
  }

  /* A page's result: title, link, verdict (claim pages), the best snippet. */
  async function describe(page) {
    var datas = await Promise.all(page.hits.map(function (h) { return h.result.data(); }));
    var first = datas[0], best = null;
    // The section that matched the rarest words, as a link and a snippet.
    datas.forEach(function (d, i) {
      (d.sub_results || []).forEach(function (s) {
        var weight = page.hits[i].idf + (s.locations || []).length * 0.01;
        if (!best || weight > best.weight) best = { sub: s, weight: weight };
      });
    });
    var verdict = first.meta.verdict;
    var url = verdict || !best ? first.url : best.sub.url;
    var pageTitle = unspace(first.meta.title || "");
    var section = !verdict && best && unspace(best.sub.title) !== pageTitle ? unspace(best.sub.title) : "";
    var names = (first.meta.names || "").split("|").map(squash);
    return {
      url: url, title: pageTitle, section: section, names: names, pageTitle: pageTitle,
      verdict: verdict ? { key: verdict.split("/")[0], label: verdict.split("/").slice(1).join("/") } : null,
      excerpt: unspace(best ? best.sub.excerpt : first.excerpt),
    };
  }

  var RANKING = { termFrequency: 0.3, pageLength: 1.0, termSaturation: 1.0 };
  window.kbSearch = { terms: terms, rank: rank };

  /* ---- The dialog ---------------------------------------------------------------- */
  var config = document.getElementById("kb-search");
  var words = document.getElementById("kb-labels");
  if (!config || !words) return;
  config = JSON.parse(config.textContent);
  var L = JSON.parse(words.textContent);
  var pagefind = null, dialog, input, list, status, opener, runId = 0;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL(config.bundle + "pagefind.js", document.baseURI).href)
        .then(function (pf) {
          // Short pages that hold a word in their title or names (term pages, claims)
          // over long pages that repeat it (Pagefind's documented ranking options).
          return pf.options({ ranking: RANKING }).then(function () { return pf.init(); }).then(function () { return pf; });
        });
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
    if (!query) { list.replaceChildren(); status.textContent = ""; list.dataset.state = "done"; return; }
    var results = await rank(await load(), query, 10);
    if (id !== runId) return;  // a newer query is on its way
    list.replaceChildren.apply(list, results.map(render));
    status.textContent = results.length ? "" : L.search_none;
    list.dataset.state = "done";
  }

  function render(r) {
    var li = el("li", { class: "kb-search__result" });
    var a = el("a", { class: "kb-search-hit", href: r.url });
    var head = el("span", { class: "kb-search-hit__title" });
    if (r.verdict) head.append(el("span", { class: "kb-verdict kb-verdict--" + r.verdict.key }, r.verdict.label), " ");
    head.append(r.title + (r.section ? " › " + r.section : ""));
    var snippet = el("span", { class: "kb-search-hit__snippet" });
    snippet.innerHTML = r.excerpt;  // Pagefind's excerpt: page text, escaped, with <mark>
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
