/* The site search's engine and ranking (issues 11, 13), loaded with MiniSearch
   (assets/vendor/) and this language's index (<language root>/search.json, written by
   kb/finish/search_index.py) when search is first opened; the dialog is kb-search.js.

   A forum question ("维生素K2和D3要同时吃吗") holds words no page needs, so the question is
   split into words here (Han from Latin, mk-4 -> mk4, function words dropped), each word
   is searched on its own, and pages are ranked by how many of the rarer words they hold.
   Chinese has no spaces, so Han text is indexed as single characters and pairs of
   characters; a Chinese word is searched as all of its pairs and kept only where its
   characters stand together: found wherever it is written, however one would segment it. */
(function () {
  "use strict";

  var HAN = "\u3400-\u9fff";
  var HAN_CHAR = new RegExp("[" + HAN + "]");
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
  // Fields of a page and how much a word found in each counts (body text 1).
  var BOOST = { title: 7, names: 5, questions: 5, headings: 3, text: 1 };

  /* One spelling for what pages and readers write several ways: full-width forms, case,
     MK-7 / MK 7 / mk7. */
  function normal(text) {
    return (text || "").normalize("NFKC").toLowerCase().replace(/\bmk\s*-?\s*(\d+)\b/g, "mk$1");
  }
  function isHan(word) { return new RegExp("^[" + HAN + "]+$").test(word); }
  function squash(text) { return normal(text).replace(/\s+/g, ""); }
  /* Whether a query is a page's name is decided as the glossary filter decides it
     (kb.js's kbNormalise, the twin of kb/model/normalise.py): MK7 = MK-7 = mk 7. */
  var nameKey = window.kbNormalise;

  /* English plural and -ies endings, so that "fractures" finds "fracture" (MiniSearch has
     no stemmer; a full one would cost more than it finds on this site). */
  function stem(word) {
    if (!/^[a-z]{4,}$/.test(word)) return word;
    return word.replace(/ies$/, "y").replace(/([^su])s$/, "$1");
  }

  /* Index tokens: Latin words, and each Han character and pair of characters. */
  var RUN = new RegExp("[" + HAN + "]+|[a-z0-9µμ]+(?:\\.[0-9]+)?", "g");
  function indexTokens(text) {
    var out = [];
    (normal(text).match(RUN) || []).forEach(function (run) {
      if (!HAN_CHAR.test(run[0])) { out.push(stem(run)); return; }
      for (var i = 0; i < run.length; i++) {
        out.push(run[i]);
        if (i + 1 < run.length) out.push(run.slice(i, i + 2));
      }
    });
    return out;
  }
  /* Query tokens: a Han word as its pairs of characters (all required), else as indexed. */
  function queryTokens(word) {
    if (!isHan(word) || word.length < 2) return indexTokens(word);
    var pairs = [];
    for (var i = 0; i + 1 < word.length; i++) pairs.push(word.slice(i, i + 2));
    return pairs;
  }

  function stripZh(run) {
    ZH_STOP.forEach(function (s) { run = run.split(s).join(" "); });
    return run.split(/\s+/).filter(Boolean);
  }

  /* The words of a query. */
  function terms(query) {
    var q = normal(query);
    q = q.replace(new RegExp("([" + HAN + "])([a-z0-9])", "g"), "$1 $2")
      .replace(new RegExp("([a-z0-9])([" + HAN + "])", "g"), "$1 $2");
    q = q.replace(/\b(\d+)\s*(mg|µg|μg|ug|mcg)\b/g, "$1 $2");
    var words = [];
    q.split(/[\s,.;:!?，。、；：！？（）()“”"'‘’]+/).forEach(function (w) {
      if (!w) return;
      if (HAN_CHAR.test(w)) {
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

  /* The engine over one language's pages (records of kb/finish/search_index.py). */
  function Engine(MiniSearch, pages, root) {
    var docs = pages.map(function (p, id) {
      return {
        id: id, title: p.title, names: p.names.join(" \n "), questions: p.questions.join(" \n "),
        headings: p.sections.map(function (s) { return s[1]; }).join(" \n "),
        text: p.sections.map(function (s) { return s[2]; }).join(" \n "),
      };
    });
    // Each page's text in one spelling without spaces, to find a Chinese word as written.
    var squashed = docs.map(function (d) { return squash([d.title, d.names, d.questions, d.headings, d.text].join("|")); });
    var mini = new MiniSearch({ fields: Object.keys(BOOST), tokenize: indexTokens, processTerm: function (t) { return t; } });
    mini.addAll(docs);
    this.pages = pages;
    this.root = root;  // result links are relative to the language root
    this.names = pages.map(function (p) { return [p.title].concat(p.names).map(nameKey); });
    /* Pages holding a word, best first: [{id, score}]. */
    this.find = function (word) {
      var han = isHan(word);
      return mini.search(word, {
        tokenize: queryTokens, processTerm: function (t) { return t; }, combineWith: "AND", boost: BOOST,
        prefix: function (t) { return !han && /^[a-z]{4,}$/.test(t); },
        filter: han ? function (r) { return squashed[r.id].indexOf(word) >= 0; } : undefined,
      });
    };
  }

  /* Search each word; a Chinese chunk that finds nothing is searched as its words. */
  function searchWords(engine, words) {
    function one(w) { return { word: w, results: engine.find(w) }; }
    var found = words.map(one);
    var again = found.map(function (f) {
      return !f.results.length && isHan(f.word) && f.word.length >= 3 ? zhWords(f.word).map(one) : [];
    });
    return found.concat.apply(found, again);
  }

  /* Pages ranked for a query: per word, the engine's score scaled to the word's best,
     weighted by the word's rarity; pages holding more of the words rank first; for a
     question, a claim page (the claim and the ways readers ask it) before other pages. */
  function rank(engine, query, limit) {
    var words = terms(query);
    if (!words.length) return [];
    var perWord = searchWords(engine, words);
    var pages = {}, total = engine.pages.length;
    perWord.forEach(function (w) {
      if (!w.results.length) return;
      var idf = Math.log(1 + total / w.results.length), best = w.results[0].score || 1;
      w.results.forEach(function (r) {
        var p = pages[r.id] || (pages[r.id] = { id: r.id, score: 0, hits: [] });
        p.score += idf * (0.4 + 0.6 * r.score / best);
        p.hits.push({ idf: idf, word: w.word });
      });
    });
    var found = perWord.filter(function (w) { return w.results.length; }).length || 1;
    var question = QUESTION.test(query.trim().toLowerCase()) && words.length > 1;
    var named = nameKey(query);
    var matched = perWord.filter(function (w) { return w.results.length; }).map(function (w) { return w.word; });
    return Object.keys(pages).map(function (k) {
      var p = pages[k], page = engine.pages[p.id], title = squash(page.title);
      var share = p.hits.length / found, score = p.score * share * share;
      if (question && page.verdict) score *= 1.5;
      // A title that holds the query's words names what the page is about.
      var inTitle = matched.filter(function (w) { return title.indexOf(w) >= 0; }).length;
      score *= 1 + inTitle / (matched.length || 1);
      // The page named by the query (a term, asked by its name) comes first; a page
      // named by one Latin word of a longer question (ucOC, INR) counts more.
      if (engine.names[p.id].indexOf(named) >= 0) score *= 10;
      else if (matched.some(function (w) { return !isHan(w) && engine.names[p.id].indexOf(nameKey(w)) >= 0; })) score *= 3;
      return { page: page, hits: p.hits, score: score };
    }).sort(function (a, b) { return b.score - a.score; }).slice(0, limit || 8).map(function (r) { return describe(engine, r); });
  }

  /* A pattern finding the query's words in page text as written (MK-7 for mk7, any case). */
  function wordPattern(words) {
    var parts = words.map(function (w) {
      var e = (isHan(w) ? w : stem(w)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/^mk(\d+)$/, "mk\\s*-?\\s*$1");
      return isHan(w) ? e : "\\b" + e + "\\w*";
    });
    return new RegExp(parts.join("|"), "gi");
  }

  function escape(text) {
    return text.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  /* About SPAN characters of text around the first place a word is found, escaped, the
     words marked. */
  function excerpt(text, words) {
    var han = HAN_CHAR.test(text), span = han ? 80 : 170;
    var pattern = wordPattern(words), at = text.search(pattern);
    var start = Math.max(0, (at < 0 ? 0 : at) - Math.floor(span / 3));
    if (!han && start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + span);
    if (!han && end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var piece = text.slice(start, end), out = "", last = 0;
    piece.replace(pattern, function (m, offset) {
      out += escape(piece.slice(last, offset)) + "<mark>" + escape(m) + "</mark>";
      last = offset + m.length;
      return m;
    });
    out += escape(piece.slice(last));
    return (start > 0 ? "…" : "") + out + (end < text.length ? "…" : "");
  }

  /* A page's result: title, link, verdict (claim pages), the section that holds the
     rarest words and a snippet of it. */
  function describe(engine, result) {
    var page = result.page, best = null;
    var words = result.hits.slice().sort(function (a, b) { return b.idf - a.idf; }).map(function (h) { return h.word; });
    page.sections.forEach(function (s, i) {
      var hay = squash(s[1] + s[2]), weight = 0;
      result.hits.forEach(function (h) { if (hay.indexOf(squash(h.word)) >= 0 || (!isHan(h.word) && hay.indexOf(stem(h.word)) >= 0)) weight += h.idf; });
      weight -= i * 0.001;  // ties: the earlier section
      if (!best || weight > best.weight) best = { section: s, weight: weight };
    });
    var section = best.section, verdict = page.verdict;
    var anchor = !verdict && section[0] ? "#" + section[0] : "";
    var source = best.weight > 0 || !page.questions.length ? section[2] : page.questions.join(" ");
    return {
      url: new URL(page.url + anchor, engine.root).href, title: page.title,
      section: !verdict && section[1] !== page.title ? section[1] : "",
      verdict: verdict ? { key: verdict[0], label: verdict[1] } : null,
      excerpt: excerpt(source || section[1], words),
    };
  }

  window.kbSearchEngine = { Engine: Engine, rank: rank };
})();
