/* The site search's engine and ranking (issues 11, 13, 29), loaded with MiniSearch
   (assets/vendor/) and this language's index (<language root>/search.json, written by
   kb/finish/search_index.py) when search is first opened; the dialog is kb-search.js.

   A forum question ("维生素K2和D3要同时吃吗") holds words no page needs, so the question is
   split into words here (Han from Latin, mk-4 -> mk4, function words dropped), each word
   is searched on its own, and pages are ranked by how many of the rarer words they hold
   (the rule, and when a question counts as not covered: search() below).
   Chinese has no spaces, so Han text is indexed as single characters and pairs of
   characters; a Chinese word is searched as all of its pairs and kept only where its
   characters stand together: found wherever it is written, however one would segment it. */
(function () {
  "use strict";

  var HAN = "\u3400-\u9fff";
  var HAN_CHAR = new RegExp("[" + HAN + "]");
  // Chinese function words and question frames, longest first (removed before searching).
  var ZH_STOP = ["可不可以", "要不要", "是不是", "有没有", "能不能", "会不会", "准不准", "好不好", "为什么", "什么",
    "怎么", "多少", "哪些", "可以", "需要", "一起", "同时", "还能", "合适", "有用", "好处", "导致", "引起", "造成",
    "真的", "到底", "应该", "能否", "是否", "说明", "病人", "患者",
    "吗", "呢", "吧", "啊", "呀", "的", "了", "和", "与", "跟", "及", "还", "要", "能", "会", "是",
    "有", "在", "里", "对", "我", "你", "吃", "补", "加", "不", "多", "为", "就", "都", "也", "该", "得"];
  // English function words and fillers (a short stop list): they never decide a ranking
  // nor make a question look uncovered.
  var EN_STOP = ("a an the is are was were be been being do does did doing done i i'm im my me mine you your " +
    "we our us it its it's this that these those to of in on at for with from by about as and or but if so " +
    "can could should would will shall may might must how what which why when whenever where who whom whose there " +
    "here get gets got much many per take takes taking took them they their he she his her into any some than more " +
    "most too very really actually just also ever still need needs ok okay have has had not no yes all each " +
    "every don doesn didn isn aren wasn won wouldn shouldn couldn").split(" ");
  var QUESTION = new RegExp("[?？吗呢]|^(is|are|does|do|can|should|how|what|why|will|which)\\b|[" + HAN + "].*[" + HAN + "].*[" + HAN + "]");
  // Fields of a page and how much a word found in each counts (body text 1).
  var BOOST = { title: 7, names: 5, also: 5, questions: 5, conclusion: 3, headings: 3, text: 1 };

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

  /* The content words of a query, each {word, alts}: alts are the spellings searched for
     it. A reader's word from data/search_synonyms.yaml (the index's "synonyms": word ->
     the term's names) is taken out of the query first, whole, and searched with the
     term's names (软化血管 -> 血管钙化); function words and question frames are dropped. */
  function terms(query, synonyms) {
    var q = normal(query), words = [];
    synonymsIn(q, synonyms || {}).forEach(function (s) {
      q = q.split(s.found).join(" ");
      words.push({ word: s.key, alts: [s.key].concat(synonyms[s.key]) });
    });
    q = q.replace(new RegExp("([" + HAN + "])([a-z0-9])", "g"), "$1 $2")
      .replace(new RegExp("([a-z0-9])([" + HAN + "])", "g"), "$1 $2");
    q = q.replace(/\b(\d+)\s*(mg|µg|μg|ug|mcg)\b/g, "$1 $2");
    q = q.replace(/[’'](m|s|re|ve|ll|d|t)\b/g, "");  // English contractions: i'm, it's, don't
    q.split(/[\s,.;:!?，。、；：！？（）()“”"'‘’]+/).forEach(function (w) {
      if (!w) return;
      if (HAN_CHAR.test(w)) {
        stripZh(w).forEach(function (p) { words.push({ word: p, alts: [p] }); });
      } else if (EN_STOP.indexOf(w) < 0) {
        words.push({ word: w, alts: [w] });
      }
    });
    return words.filter(function (w, i) { return words.findIndex(function (o) { return o.word === w.word; }) === i; });
  }

  /* The synonym words a query holds, longest first, each once: Chinese ones anywhere in
     the text, Latin ones as whole words (an "s" of the plural allowed). */
  function synonymsIn(q, synonyms) {
    var found = [];
    Object.keys(synonyms).sort(function (a, b) { return b.length - a.length; }).forEach(function (key) {
      var han = HAN_CHAR.test(key), escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
      var match = han ? (q.indexOf(key) >= 0 ? [key] : null) : q.match(new RegExp("(^|[^a-z0-9])(" + escaped + "s?)(?![a-z0-9])"));
      if (!match) return;
      var text = han ? key : match[2];
      if (found.some(function (f) { return f.found.indexOf(text) >= 0; })) return;  // inside a longer one
      found.push({ key: key, found: text });
    });
    return found;
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

  /* The engine over one language's pages (kb/finish/search_index.py): index.pages, and
     index.synonyms (a reader's word -> the term's names). */
  function Engine(MiniSearch, pages, root, index) {
    var docs = pages.map(function (p, id) {
      return {
        id: id, title: p.title, names: p.names.join(" \n "), also: (p.also || []).join(" \n "),
        questions: p.questions.join(" \n "), conclusion: p.conclusion || "",
        headings: p.sections.map(function (s) { return s[1]; }).join(" \n "),
        text: p.sections.map(function (s) { return s[2]; }).join(" \n "),
      };
    });
    // Each page's text in one spelling without spaces, to find a Chinese word as written.
    var squashed = docs.map(function (d) { return squash(Object.keys(BOOST).map(function (k) { return d[k]; }).join("|")); });
    var mini = new MiniSearch({ fields: Object.keys(BOOST), tokenize: indexTokens, processTerm: function (t) { return t; } });
    mini.addAll(docs);
    this.pages = pages;
    this.root = root;  // result links are relative to the language root
    this.synonyms = (index && index.synonyms) || {};
    this.names = pages.map(function (p) { return [p.title].concat(p.names).map(nameKey); });
    /* Pages holding a word, best first: [{id, score}]. A word with Chinese in it is kept
       only where it stands as written (its characters together). */
    this.find = function (word) {
      var han = isHan(word), whole = HAN_CHAR.test(word) ? squash(word) : null;
      return mini.search(word, {
        tokenize: queryTokens, processTerm: function (t) { return t; }, combineWith: "AND", boost: BOOST,
        prefix: function (t) { return !han && /^[a-z]{4,}$/.test(t); },
        filter: whole ? function (r) { return squashed[r.id].indexOf(whole) >= 0; } : undefined,
      });
    };
  }

  /* Pages holding a content word in any of its spellings: [{id, score}], each score
     scaled to the best of its spelling (1 for the best page). */
  function findWord(engine, word) {
    var byId = {};
    word.alts.forEach(function (alt) {
      var results = engine.find(alt), best = (results[0] && results[0].score) || 1;
      results.forEach(function (r) {
        var score = r.score / best;
        if (!byId[r.id] || byId[r.id].score < score) byId[r.id] = { id: r.id, score: score };
      });
    });
    return Object.keys(byId).map(function (k) { return byId[k]; }).sort(function (a, b) { return b.score - a.score; });
  }

  /* Search each content word. A Chinese chunk of three or more characters that finds
     nothing whole is searched as its words (Intl.Segmenter), each a part worth 1/n of
     the chunk; a part of one character is dropped: one character says too little. */
  function searchWords(engine, words) {
    var out = [];
    words.forEach(function (w) {
      var results = findWord(engine, w);
      var parts = !results.length && isHan(w.word) && w.word.length >= 3 ?
        zhWords(w.word).filter(function (p) { return p.length > 1; }) : [];
      if (!parts.length) {
        // One Chinese character says little: it counts a quarter and cannot leave a question uncovered.
        var single = isHan(w.word) && w.word.length === 1;
        out.push({ word: w.word, alts: w.alts, weight: single ? 0.25 : 1, whole: true, results: results, minor: single });
        return;
      }
      parts.forEach(function (p) {
        out.push({ word: p, alts: [p], weight: 1 / parts.length, whole: false, results: findWord(engine, { alts: [p] }) });
      });
    });
    return out;
  }

  /* The ranking rule (issue 29): the query's content words decide.
     - Function words and question frames never count (ZH_STOP, EN_STOP); a reader's word
       counts as the term it stands for (data/search_synonyms.yaml).
     - Each content word weighs its rarity (idf: a word on every page says nothing), and
       a part of a split chunk weighs 1/n of it; so 软化 from "软化血管" cannot outweigh a
       page that holds the query's topic.
     - A page's coverage is the weighted share of the content words it holds; its score,
       the sum of its words' scores, is multiplied by the square of that share: a page that
       holds all the rare words beats one that holds one of them often.
     - A page whose title holds whole content words, or that the query names (a term by
       its name), is lifted; a claim page is lifted for a question. Parts of a split chunk
       never lift: a one-character overlap in a title (骨软化症) is not the page's topic.
     Not covered: a content word (whole, or a part of a split chunk) that no page holds at
     all. The site has nothing on it, so however well the other words match, the results
     are only the closest pages, shown as such. */
  function search(engine, query, limit) {
    var words = terms(query, engine.synonyms);
    if (!words.length) return { results: [], covered: true, missing: [] };
    var perWord = searchWords(engine, words);
    var total = engine.pages.length, pages = {}, weightFound = 0;
    perWord.forEach(function (w) {
      w.idf = Math.log(1 + total / Math.max(1, w.results.length));
      if (w.results.length) weightFound += w.weight * w.idf;
      w.results.forEach(function (r) {
        var p = pages[r.id] || (pages[r.id] = { id: r.id, score: 0, held: 0, hits: [] });
        p.score += w.weight * w.idf * (0.4 + 0.6 * r.score);
        p.held += w.weight * w.idf;
        p.hits.push({ idf: w.idf * w.weight, word: w.word, alts: w.alts });
      });
    });
    var missing = perWord.filter(function (w) { return !w.results.length && !w.minor; }).map(function (w) { return w.word; });
    var question = QUESTION.test(query.trim().toLowerCase()) && words.length > 1;
    var named = nameKey(query);
    var wholeFound = perWord.filter(function (w) { return w.whole && w.results.length; });
    var ranked = Object.keys(pages).map(function (k) {
      var p = pages[k], page = engine.pages[p.id], title = squash(page.title);
      var share = p.held / (weightFound || 1), score = p.score * share * share;
      if (question && page.verdict) score *= 1.5;
      // A title that holds the query's whole words names what the page is about.
      var inTitle = wholeFound.filter(function (w) { return w.alts.some(function (a) { return title.indexOf(squash(a)) >= 0; }); }).length;
      score *= 1 + inTitle / (wholeFound.length || 1);
      // The page named by the query (a term, asked by its name) comes first; a page
      // named by one Latin word of a longer question (ucOC, INR) counts more.
      if (engine.names[p.id].indexOf(named) >= 0) score *= 10;
      else if (wholeFound.some(function (w) { return !isHan(w.word) && engine.names[p.id].indexOf(nameKey(w.word)) >= 0; })) score *= 3;
      return { page: page, hits: p.hits, score: score };
    }).sort(function (a, b) { return b.score - a.score; }).slice(0, limit || 8);
    return { results: ranked.map(function (r) { return describe(engine, r); }), covered: !missing.length, missing: missing };
  }

  /* Pages ranked for a query (search() without the coverage). */
  function rank(engine, query, limit) { return search(engine, query, limit).results; }

  /* A pattern finding the query's words in page text as written (MK-7 for mk7, any case). */
  function wordPattern(words) {
    var parts = words.map(function (w) {
      var e = (isHan(w) ? w : stem(w)).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/^mk(\d+)$/, "mk\\s*-?\\s*$1");
      return /^[a-z0-9]/.test(e) ? "\\b" + e + "\\w*" : e;
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
    var words = [];
    result.hits.slice().sort(function (a, b) { return b.idf - a.idf; }).forEach(function (h) { words.push.apply(words, h.alts); });
    page.sections.forEach(function (s, i) {
      var hay = squash(s[1] + s[2]), weight = 0;
      result.hits.forEach(function (h) {
        if (h.alts.some(function (a) { return hay.indexOf(squash(a)) >= 0 || (!isHan(a) && hay.indexOf(stem(a)) >= 0); })) weight += h.idf;
      });
      weight -= i * 0.001;  // ties: the earlier section
      if (!best || weight > best.weight) best = { section: s, weight: weight };
    });
    var section = best.section, verdict = page.verdict;
    var anchor = !verdict && section[0] ? "#" + section[0] : "";
    // A claim's one-line conclusion is its snippet (data/claims.yaml), else the text.
    var source = page.conclusion || (best.weight > 0 || !page.questions.length ? section[2] : page.questions.join(" "));
    return {
      url: new URL(page.url + anchor, engine.root).href, title: page.title,
      section: !verdict && section[1] !== page.title ? section[1] : "",
      verdict: verdict ? { key: verdict[0], label: verdict[1] } : null,
      excerpt: excerpt(source || section[1], words),
    };
  }

  window.kbSearchEngine = { Engine: Engine, rank: rank, search: search };
})();
