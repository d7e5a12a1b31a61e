"""Chinese numerals <-> int, for article numbers: "二十一" <-> 21, "一百零五" <-> 105."""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
_CN = "零一二三四五六七八九"


def cn_to_int(text: str) -> int:
    """Parse a Chinese numeral (or ASCII digits). Raises ValueError on anything else."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in DIGITS and ch not in UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total, current = 0, 0
    for ch in text:
        if ch in DIGITS:
            current = DIGITS[ch]
        else:
            total += (current or 1) * UNITS[ch]
            current = 0
    return total + current


def int_to_cn(n: int) -> str:
    """21 -> "二十一", 10 -> "十", 105 -> "一百零五", 110 -> "一百一十"."""
    if not 0 < n < 10000:
        raise ValueError(f"out of range: {n}")
    if n < 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += _CN[d] + unit
            zero = False
        elif out:
            zero = True
    return out
