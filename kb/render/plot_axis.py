"""The horizontal axis shared by the forest plots and the dose ladder: value -> x, and the
tick values to label.

The figures are SVG written as text at build time (kb/render/forest.py,
kb/render/dose_ladder.py), not drawn by a plotting library: each is a few lines, circles
and words, a few hundred bytes gzipped. matplotlib (with numpy, about 150 MB installed)
would emit paths for glyphs, fixed colours and fonts; hand-written SVG keeps text as
selectable text in the page's fonts and colours as Material's CSS variables, so the
figures follow dark mode and cost no request and no JavaScript.
"""
import math
from dataclasses import dataclass

WIDTH = 340        # user units; the SVG is drawn 1:1 (max-width 100% shrinks it on a narrower screen)
LEFT, RIGHT = 14, 14  # room for the first and last tick label


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    log: bool

    def x(self, value: float) -> float:
        """The x coordinate of a value, rounded to 0.1 unit."""
        span = WIDTH - LEFT - RIGHT
        if self.log:
            share = (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        else:
            share = (value - self.low) / (self.high - self.low)
        return round(LEFT + share * span, 1)


RATIO_TICKS = (0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 10)


def ratio_axis(values: list) -> tuple[Axis, list]:
    """A log axis holding every value and 1 (no effect), with the ticks inside it."""
    low, high = min(values + [1]) / 1.15, max(values + [1]) * 1.15
    ticks = [t for t in RATIO_TICKS if low <= t <= high]
    return Axis(low, high, True), ticks


def difference_axis(values: list) -> tuple[Axis, list]:
    """A linear axis holding every value and 0 (no effect), ticks every 0.2 (or 0.5, 1)."""
    low, high = min(values + [0]), max(values + [0])
    pad = (high - low) * 0.1 or 0.1
    low, high = low - pad, high + pad
    step = next(s for s in (0.1, 0.2, 0.5, 1, 2, 5) if (high - low) / s <= 6)
    first = math.ceil(low / step)
    ticks = [round(k * step, 6) for k in range(first, math.floor(high / step) + 1)]
    return Axis(low, high, False), ticks


def log_decades(low_ug: float, high_ug: float) -> tuple[Axis, list]:
    """A log axis of whole decades around an amount range in µg (for the dose ladder)."""
    low = 10 ** math.floor(math.log10(low_ug))
    high = 10 ** math.ceil(math.log10(high_ug))
    ticks = [10 ** k for k in range(int(math.log10(low)), int(math.log10(high)) + 1)]
    return Axis(low, high, True), ticks


def tick_text(value: float) -> str:
    return f"{value:g}"
