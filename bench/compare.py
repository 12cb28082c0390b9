"""This site against the stock-Material peer (issue 13): Lighthouse mobile on the same
pages of both, alternating, median of the runs; the side-by-side table and its targets."""
from bench import LANG_PREFIXES, KB
from bench.lighthouse import Target, lighthouse_available, run_alternating, score_figures, scores_section
from bench.report import Figure, Results
from kb.model.languages import DEFAULT

MAX_LCP_RATIO = 0.7  # our LCP at most 0.7 x the peer's (issue 28; 0.8 until then)
COMPARED = ("term", "article")  # pages the peer carries; home is measured for ours only
APPLIED = "devtools"  # Lighthouse's applied throttling, run on the compared pages too


def make_targets(our_url: str, peer_url: str, pages: dict, quick: bool, throttling: str = "simulate") -> list[Target]:
    """Ours and the peer's side by side, in the order they run (with applied throttling,
    only the pages both sites carry)."""
    targets = []
    for lang, prefix in LANG_PREFIXES.items():
        for name, path in pages.items():
            if quick and (lang, name) != (DEFAULT.code, "term"):  # --quick: one page
                continue
            if name in COMPARED or throttling == "simulate":
                targets.append(Target("ours", name, lang, our_url + prefix + path, throttling))
            if name in COMPARED:
                targets.append(Target("peer", name, lang, peer_url + prefix + path, throttling))
    return targets


def paired(targets: list[Target]) -> list:
    """(ours, peer) for each page both sites carry and both ran."""
    ours = {(t.page, t.lang): t for t in targets if t.site == "ours" and t.reports}
    return [(ours[(t.page, t.lang)], t) for t in targets if t.site == "peer" and t.reports and (t.page, t.lang) in ours]


def seconds(ms: float) -> str:
    return f"{ms / 1000:.2f} s"


def millis(ms: float) -> str:
    return f"{ms:.0f} ms"


def comparison_figures(pairs: list) -> list[Figure]:
    figures = []
    for ours, peer in pairs:
        ratio = ours.median("LCP") / peer.median("LCP")
        where = f"{ours.page} ({ours.lang})" + (", applied throttling" if ours.throttling == APPLIED else "")
        figures.append(Figure(f"LCP ours / peer, {where}", f"{ratio:.2f} ({seconds(ours.median('LCP'))} / {seconds(peer.median('LCP'))})",
                              f"≤ {MAX_LCP_RATIO:g}", ratio <= MAX_LCP_RATIO))
        figures.append(Figure(f"TBT ours vs peer, {where}", f"{millis(ours.median('TBT'))} vs {millis(peer.median('TBT'))}",
                              "≤ peer", ours.median("TBT") <= peer.median("TBT")))
    return figures


def per_run_line(target: Target) -> str:
    lcp = ", ".join(f"{v / 1000:.2f}" for v in target.values("LCP"))
    tbt = ", ".join(f"{v:.0f}" for v in target.values("TBT"))
    return f"- {target.site}, {target.label}: LCP {lcp} s; TBT {tbt} ms"


def side_by_side(targets: list[Target], pairs: list, runs: int) -> tuple:
    peers = {(peer.page, peer.lang): peer for _, peer in pairs}
    head = (f"| page | LCP ours | LCP peer | LCP ours/peer (≤ {MAX_LCP_RATIO:g}) | TBT ours | TBT peer (ours ≤ peer) | FCP ours | FCP peer "
            "| performance ours | performance peer (ours = 100) | transfer ours | transfer peer |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for ours in (t for t in targets if t.site == "ours" and t.reports):
        peer = peers.get((ours.page, ours.lang))
        cell = (lambda key, fmt: fmt(peer.median(key)) if peer else "—")
        ratio = f"{ours.median('LCP') / peer.median('LCP'):.2f}" if peer else "—"
        rows.append(f"| {ours.label} | {seconds(ours.median('LCP'))} | {cell('LCP', seconds)} | {ratio} "
                    f"| {millis(ours.median('TBT'))} | {cell('TBT', millis)} "
                    f"| {seconds(ours.median('FCP'))} | {cell('FCP', seconds)} "
                    f"| {ours.median('performance'):.0f} | {cell('performance', lambda v: f'{v:.0f}')} "
                    f"| {ours.median('bytes') / KB:.1f} KB | {cell('bytes', lambda v: f'{v / KB:.1f} KB')} |")
    per_run = [per_run_line(target) + "; performance " + ", ".join(str(v) for v in target.values("performance"))
               for target in targets if target.reports]
    text = (head + "\n" + "\n".join(rows) + "\n\n"
            f"Lighthouse mobile (simulated throttling), median of {runs} run(s) per page and metric. In every run each "
            "page of ours is followed by the same page of the peer (the order flips from run to run), so both see "
            "the same load on this shared machine. Both sites are served by the same local server, gzip on, as a "
            "static host serves them. Transfer: Lighthouse's total byte weight of the page load (gzipped as sent; "
            "the search index counts only where the page fetches it on load).\n\n"
            "**The peer** is a stock Material site (`mkdocs new` layout, `theme: material`, the theme language) built "
            "by `bench/peer.py` with the same mkdocs and Material versions from the same article and term text: "
            "citations flattened to plain [n], term links to plain text, claim blocks to plain paragraphs, our "
            "generated blocks dropped, links to pages the peer lacks to their text, and a plain reference list. "
            "Two departures from stock, needed for a fair comparison: `theme.font: false` (the default loads "
            "Google Fonts, unreachable here, and our site does not load them either) and the standard Markdown "
            "extensions of our mkdocs.yml (admonition, attr_list, …) so the same text renders alike. Each "
            "language is its own peer project, English built under /en/, so the URLs match ours.\n\n"
            "Per run:\n\n" + "\n".join(per_run))
    return ("Side by side: this site vs stock Material (Lighthouse mobile)", text)


def applied_section(pairs: list, runs: int) -> tuple:
    head = (f"| page | LCP ours | LCP peer | LCP ours/peer (≤ {MAX_LCP_RATIO:g}) | TBT ours | TBT peer (ours ≤ peer) | FCP ours | FCP peer "
            "| performance ours | performance peer |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows, per_run = [], []
    for ours, peer in pairs:
        rows.append(f"| {ours.label} | {seconds(ours.median('LCP'))} | {seconds(peer.median('LCP'))} "
                    f"| {ours.median('LCP') / peer.median('LCP'):.2f} | {millis(ours.median('TBT'))} | {millis(peer.median('TBT'))} "
                    f"| {seconds(ours.median('FCP'))} | {seconds(peer.median('FCP'))} "
                    f"| {ours.median('performance'):.0f} | {peer.median('performance'):.0f} |")
        per_run += [per_run_line(ours), per_run_line(peer)]
    text = (head + "\n" + "\n".join(rows) + "\n\n"
            f"The same pages with `--throttling-method=devtools`, median of {runs} run(s), alternating as above: the "
            "browser really loads each page over Lighthouse's mobile connection (562.5 ms request latency, "
            "1.47 Mbit/s down) on a 4x slowed CPU, and the metrics are what it observed. The default (simulated) "
            "method loads the page unthrottled and estimates: its LCP counts every script that ran before the "
            "observed paint as needed for it, and on this local server Material's deferred bundle, which our pages "
            "do not need for their first paint, has usually run by then; the per-run figures above show the two "
            "outcomes. Applied throttling shows what a reader on a slow phone connection waits for. Total "
            "blocking time counts long tasks after the first paint only: the peer runs Material's bundle (a "
            "script at the end of the body) before it paints, ours runs it after (scripts_after_paint), so "
            "that work counts against us and not against the peer; the rest of ours is the idle-time layout "
            "of a long page. BENCHMARK.md \"Switches\" gives each switch's share. Absolute times differ "
            "between the two methods; compare the ratios.\n\n"
            "Per run:\n\n" + "\n".join(per_run))
    return ("Side by side with applied throttling (Lighthouse devtools throttling)", text)


def measure_comparison(results: Results, our_url: str, peer_url: str, pages: dict, runs: int, quick: bool):
    if not lighthouse_available(results):
        return
    targets = make_targets(our_url, peer_url, pages, quick)
    run_alternating(targets, runs, results)
    applied = make_targets(our_url, peer_url, pages, quick, APPLIED)
    run_alternating(applied, runs, results)
    ours = [t for t in targets if t.site == "ours" and t.reports]
    pairs, applied_pairs = paired(targets), paired(applied)
    results.add(*score_figures(ours), *comparison_figures(pairs), *comparison_figures(applied_pairs))
    if ours:
        results.sections.append(side_by_side(targets, pairs, runs))
        if applied_pairs:
            results.sections.append(applied_section(applied_pairs, runs))
        results.sections.append(scores_section(ours, runs))
    if quick:
        results.skip("Lighthouse on pages other than the Chinese term page (--quick)")
