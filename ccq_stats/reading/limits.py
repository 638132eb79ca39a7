"""Limits on what one input may cost: settings, from environment variables (see SECURITY.md).

=======================  ========  ==================================================
CCQ_MAX_UNZIPPED_MB      1024      total uncompressed size of a workbook (a full 1,048,576-row sheet is ~350 MB)
CCQ_MAX_RATIO            200       compression ratio of a part larger than 1 MB
CCQ_MAX_CELLS            20000000  cells of one sheet, from A1 to its farthest cell (1,048,576 rows × 19 columns)
CCQ_MAX_COLUMNS          1000      columns of one sheet
CCQ_READ_MEMORY_MB       4096      address space of the process that parses a file
CCQ_READ_TIMEOUT         300       seconds the parsing process may take for one file
CCQ_MEMORY_MB            0         memory reading one CSV or Parquet file may take here (estimated before
                                   reading); 0: three quarters of the machine's memory
CCQ_MAX_STREAM_MB        1024      bytes read from standard input or a pipe (a FIFO), kept in memory
=======================  ========  ==================================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ccq_stats.environment import number_setting


@dataclass(frozen=True)
class Limits:
    max_unzipped_mb: int = 1024
    max_ratio: int = 200
    max_cells: int = 20_000_000
    max_columns: int = 1000
    read_memory_mb: int = 4096
    read_timeout: int = 300
    max_stream_mb: int = 1024
    memory_mb: int = 0

    def memory_budget_mb(self) -> int:
        """CCQ_MEMORY_MB, or three quarters of the machine's memory (4096 MB where it is unknown)."""
        if self.memory_mb > 0:
            return self.memory_mb
        try:
            return int(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") * 0.75 / 2**20)
        except (ValueError, OSError, AttributeError):
            return 4096

    @classmethod
    def from_env(cls) -> Limits:
        values = {name: number_setting(f"CCQ_{name.upper()}") for name in cls.__dataclass_fields__}
        return cls(**{name: value for name, value in values.items() if value is not None})  # each checked (environment)
