"""Numbers and dates the Vietnamese way, as reports write them: "4.740", "65,36%", "hơn 65%",
"tăng 11,40 điểm phần trăm", "ngày 21 tháng 10 năm 2020". Used by the templates (as filters),
the terminal tables and the rules' messages alike.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal


def _round(x: float, digits: int) -> Decimal:
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def so(value, digits: int = 0) -> str:
    """A number the Vietnamese way: thousands dot, decimal comma ("4.740", "65,36")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{_round(float(value), digits):,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def pct(share, digits: int = 2) -> str:
    """A share (0.6536) as a Vietnamese percentage: "65,36%"; "–" when undefined."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return so(share * 100, digits) + "%"


def approx(share) -> str:
    """A share in the rounded phrasing of a narrative (percentage x, first rounded to 2 decimals):
    within 0.1 of a whole number n -> "n%"; else fractional part below .5 -> "hơn ⌊x⌋%";
    else "gần ⌈x⌉%". 65,05 -> "65%", 65,1 -> "65%", 65,5 -> "gần 66%", 29,6 -> "gần 30%"."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    x = _round(share * 100, 2)
    nearest = x.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if abs(x - nearest) <= Decimal("0.1"):
        return f"{nearest}%"
    whole = int(x)  # x ≥ 0
    return f"hơn {whole}%" if x - whole < Decimal("0.5") else f"gần {whole + 1}%"


def points(change) -> str:
    """A change of share in percentage points: "tăng 11,4 điểm phần trăm", "giảm 2,05 điểm phần
    trăm", "tăng 2 điểm phần trăm" (no trailing zeros)."""
    if change is None:
        return "–"
    if abs(change) < 0.00005:
        return "không đổi"
    figure = so(abs(change) * 100, 2)
    if "," in figure:  # nobody writes "2,00 điểm" or "1,50 điểm": "2 điểm", "1,5 điểm"
        figure = figure.rstrip("0").rstrip(",")
    return f"{'tăng' if change > 0 else 'giảm'} {figure} điểm phần trăm"


def score(value) -> str:
    """A score out of 100 the Vietnamese way, to two decimals without trailing zeros: "87,5",
    "90", "78,33"; "–" when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    figure = so(value, 2)
    return figure.rstrip("0").rstrip(",") if "," in figure else figure


def mean_score(value) -> str:
    """A mean score, always to two decimals: "93,40", "95,75", "33,00"; "–" when there is none.
    A mean is a computed figure, printed as the tables print shares (one format down a column:
    issue 19 found "93,4" beside "95,75"); a score as entered keeps its own digits (``score``)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return so(value, 2)


def ngay(day: date) -> str:
    """ "ngày 21 tháng 10 năm 2020". As official documents write dates, a day below 10 and the
    months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2020", "ngày 05 tháng 3 năm 2020")."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


# The one dash between two years, in every document (issue 19): the en dash, unspaced, as the
# sources at hand write a range (issue 19's text, docs/domain.md: "nhiệm kỳ 2015–2020",
# "2018–2019"). Options read "2015-2020" with a hyphen (easy to type); documents never print one.
YEAR_DASH = "–"


def year_range(first, last) -> str:
    """2015, 2020 -> "2015–2020": a term or a span of years, written with the one year dash."""
    return f"{first}{YEAR_DASH}{last}"


def years_text(years) -> str:
    """[2015, 2016, 2017] -> "2015–2017"; [2019] -> "2019"; gaps listed: "2015, 2017"."""
    years = sorted(years)
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)):
        return str(years[0]) if len(years) == 1 else year_range(years[0], years[-1])
    return ", ".join(map(str, years))


def local_time(at: str) -> str:
    """A stored time (UTC, ISO 8601, as the store writes it) as staff read it: in the machine's
    zone, with its offset ("2026-12-07 21:06:09+07:00"); the text itself when it is not a time."""
    try:
        moment = datetime.fromisoformat(at)
    except (TypeError, ValueError):
        return at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().isoformat(sep=" ", timespec="seconds")
