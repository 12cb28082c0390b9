"""The first paint shows the first screen whole (kb/finish/first_screen.py): on a phone
four times slower than a desktop, on a slow connection, the page does not paint its header
alone and lay out its text in a long task afterwards; the first contentful paint is the
largest one."""
import pytest

pytestmark = pytest.mark.browser

PAINTS = """
window.kbPaints = {lcp: []};
new PerformanceObserver(list => { for (const e of list.getEntries()) if (e.name === "first-contentful-paint") window.kbPaints.fcp = e.startTime; })
  .observe({type: "paint", buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) window.kbPaints.lcp.push([e.startTime, e.element && e.element.localName]); })
  .observe({type: "largest-contentful-paint", buffered: true});
"""
SLOW_PHONE = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8, "uploadThroughput": 750 * 1024 / 8}


def paints(page, url):
    session = page.context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", SLOW_PHONE)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script(PAINTS)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(500)
    return page.evaluate("window.kbPaints")


@pytest.mark.parametrize("path", ["glossary/osteocalcin/", "en/glossary/osteocalcin/", "articles/mk4-vs-mk7-interview/"])
def test_the_first_paint_holds_the_largest_text(page, base_url, path):
    seen = paints(page, base_url + path)
    last_time, element = seen["lcp"][-1]
    assert element == "p"  # the text, not the site's name in the header
    assert last_time == seen["fcp"], seen
