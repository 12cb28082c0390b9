"""The engine-specific tricks of the finishing pass, each behind one named switch.

Each switch leans on how the browser or Material for MkDocs behaves, not on anything of
ours, so each may need to go after an upgrade; BENCHMARK.md ("Switches") gives what each
one was measured to win and why it stays. All are on by default. To measure the site
without one, set it in mkdocs.yml (both languages inherit it):

    extra:
      kb_switches:
        scripts_after_paint: false

and rebuild. Nothing else reads these names: the hook hands the switches of its build to
kb/finish/pipeline.py (and to the templates, for the lazy-layout head script).
"""
from dataclasses import dataclass, fields, replace

CONFIG_KEY = "kb_switches"  # under mkdocs.yml `extra:`


@dataclass(frozen=True)
class Switches:
    # No script file is fetched before the first paint (kb/finish/deferred_scripts.py): ours
    # are started by the page's loader (overrides/main.html) once the page has loaded, and
    # Material's bundle by kb.js after them, which sends DOMContentLoaded again so that
    # Material's page features start: undocumented Material start-up behaviour, watched by
    # tests/browser/test_material_start.py. Off: Material's scripts stay as its templates
    # write them; ours are deferred.
    scripts_after_paint: bool = True
    # A long page (kb/finish/lazy_layout.py) lays out its first screen first: a head script
    # marks <html> kb-lazy-layout, kb.css gives its text `content-visibility: auto` and
    # kb.js lays out the rest in idle steps. Off: no page gets the head script.
    lazy_layout: bool = True
    # The first paint waits until the first screen of text has been parsed
    # (kb/finish/first_screen.py: a render-blocking <link rel="expect">), so the header is not
    # painted alone with the text laid out in a long task after it. Off: no such link.
    first_screen_whole: bool = True
    # Each page's stylesheets replaced by the rules that can apply to it, inline
    # (kb/finish/page_css.py; its SCRIPT_ADDED lists names Material's bundle adds). Off:
    # pages keep their <link rel="stylesheet"> tags.
    inline_css: bool = True


DEFAULT = Switches()


def from_extra(extra) -> Switches:
    """The switches a config's `extra:` sets (kb_switches), the rest at their defaults.
    Raises ValueError naming an unknown switch or a value that is not true/false."""
    given = (extra or {}).get(CONFIG_KEY) or {}
    if not isinstance(given, dict):
        raise ValueError(f"extra.{CONFIG_KEY} must be a mapping of switch names to true/false")
    known = {field.name for field in fields(Switches)}
    for name, value in given.items():
        if name not in known:
            raise ValueError(f"extra.{CONFIG_KEY}: unknown switch '{name}' (known: {', '.join(sorted(known))})")
        if not isinstance(value, bool):
            raise ValueError(f"extra.{CONFIG_KEY}.{name} must be true or false")
    return replace(DEFAULT, **given)
