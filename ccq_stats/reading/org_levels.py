"""Two organisation columns that name two levels: which one is the row's organisation.

A list of organisations sometimes gives two names per row. Where one column's header names the
level of the chi bộ trực thuộc and the other the level above (a đảng bộ cơ sở), a careful clerk reads
the row as the chi bộ, under that đảng bộ: with the lower level to the right ("Tổ chức cơ sở đảng |
Chi bộ trực thuộc"), the chi bộ under the organisation of the row above (``Source.SUB_LEVEL``); with
it to the left ("Tên chi bộ trực thuộc | Đảng bộ cơ sở"), the upper column is the chi bộ's parent
(``Source.UPPER_LEVEL``). Two chi bộ of one name under two đảng bộ are then two chi bộ, told apart by
their parent, never one "listed again".
"""

from __future__ import annotations

from ccq_stats.reading.header_columns import Source


def two_levels(header, found: list, scales) -> bool:
    """Settle two organisation columns of two levels (see above); False if they are not that."""
    if len(found) != 2 or header.of("member"):
        return False
    subjects = [(scales.kind_in(c.header) or ("", ""))[1] for c in found]
    if subjects[1] == "cells" and subjects[0] != "cells":
        found[1].source, found[1].detail = Source.SUB_LEVEL, found[0].header
        return True
    if subjects == ["cells", "units"] and not header.of("parent"):
        found[1].role, found[1].source, found[1].detail = "parent", Source.UPPER_LEVEL, found[0].header
        return True
    return False
