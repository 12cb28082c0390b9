"""WCAG 2.x contrast ratio of two sRGB colours, from the formula in the standard's
definition of relative luminance (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance).
Five lines of arithmetic: not worth a dependency."""


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(one: str, other: str) -> float:
    """1.0 (none) to 21.0 (black on white); WCAG AA asks >= 4.5 for normal text."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)
