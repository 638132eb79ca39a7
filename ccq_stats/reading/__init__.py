"""The reading stage: spreadsheets and text files -> the tidy table (see ``records.py``).

One module per concern:

===================  ==========================================================================
``sources``          folders -> files; a file's type from its bytes
``workbook``         workbooks -> grids, after the container checks (zip/XML bombs, encryption)
``container``        those checks, before any parser runs (a large sheet checked well-formed beside it)
``looks``            what a workbook shows beyond its values: hidden parts, merges, indentation, bold
``textfile``         CSV/TSV -> a grid (encoding, delimiter)
``parquet``          Parquet -> a table, or a grid
``grid``             the grid of cells every format becomes
``header``           the header rows and what each column holds, by their words, confirmed by the cells
``header_words``     a header cell's role by its words; ``header_spans`` merged cells and headers
                     over several rows; ``header_columns`` what they say of a column
``header_wrapped``   a header's words wrapped onto the row under it, not merged: both rows
``plan``             a ``SheetPlan``: header, shapes, year, first and last data row of a sheet
``account``          every column of a table accounted for: read, or not read for a stated reason
``agreement``        a decision written as agreement ("Thống nhất", "Như đề nghị"): the proposal beside it
``rating_columns``   two rating columns that are one rating and something else: last year, a lower
                     committee's proposal, codes that mirror the labels
``summary_table``    where a table ends at a summary under it, and what belongs to that summary
``other_tables``     another table's own header under a table, on the same sheet
``page_rows``        rows a printed page repeats inside a table: the row of column numbers
``typed_lines``      a list typed as lines of text in one column ("1. Đ/c …: HTTNV"), read as a table
``choice_lists``     a sheet listing the rating labels to choose from (a drop-down's source): not data
``issuer``           the committee heading a table: a grassroots one lists its chi bộ trực thuộc
``not_data``         a form's instructions and example rows, an example table, a table of contents: not data
``commendation``     a selection of members (delegates, those proposed, those commended) is not the year's
``pending``          a tier whose row's note says it is not decided yet ('chưa quyết định xếp loại') stops
``org_levels``       two organisation columns that name two levels: which is the row's organisation
``membership``       staff who are not party members, in an agency's list of its staff
``rating_year``      a sheet's rating year from its name and title; two years named stop the run
``side_by_side``     tables side by side on one sheet (the header repeated along its row): each read
``summary_check``    a summary sheet checked against the list of its year (agree: once; differ: stop)
``sum_rows``         a totals row known by its figures (the sum of the other rows), whatever its words
``merged_down``      a rating merged down over the rows of its tier: each row's rating
``merged_across``    a status merged across the tick columns of a ticked list: that row's status
``cells``            rules for cells both readers apply: years, counts, totals and section words
``column_rules``     rules over whole columns both readers call, written once: members who left, a
                     section's state carried down, the lead columns, the totals words' first bytes
``rows``             the data rows of a sheet as columns (cleaned once per distinct value), and the
                     records of masked rows
``row_roles``        what each row is: section, summary, member who left, chi bộ under its đảng bộ
``tier_headings``    tiers given by section headings, not by a cell of each row
``status_titles``     a member list with no rating column whose title or sheet name gives their status: that status
``tick_blocks``      two blocks of tier ticks: the own assessment and the decision
``transposed``       organisations across, indicators down the side: read turned
``member_years``     members × years: a blank before the member was admitted, or after he left
``collection``       our own collection workbook (``ccq-stats blank``), known when it comes back
``continued``        a sheet with no header whose rows are the previous sheet's table's: more rows of it
``repeats``          sheets and files that repeat others: counted once
``figures_table``    a sheet of the indicators down the side and the years across, read as its figures
``legend``           ratings written as codes, and the key (above, under the table, or a sheet) they are read by
``identity``         who a member row is: the member key both readers use to find a member listed twice
``inspect``          what the reader understood of each sheet (``ccq-stats inspect``)
``by_rows``          the row reader (every layout; the reference)
``rows_counts``      its count sheets: counts per tier, ticks, cumulative columns, and their checks
``by_columns``       the column reader (large plain member lists, with pyarrow): feeds the same
                     rules; the file's size only decides the feeding (test hook:
                     ``CCQ_TEST_COLUMNS_FROM_BYTES``, tests/test_reading_differential.py)
``columns_feed``     its input: the memory a file may cost, its bytes as pyarrow tables
``columns_cells``    its cells: each column decoded once per distinct value by the shared rules
``columns_records``  its records: who each row is, members listed twice, rows alike counted as one
``sandbox``          the reader process that parses untrusted files under limits
``worker``           that process's main loop; ``parse`` the work it does (bytes -> grids)
``limits``           what one input may cost, from the environment (SECURITY.md)
``paths``            files -> records, from end to end
===================  ==========================================================================

The entry point is ``paths.read_paths``. Importing the package itself imports nothing heavy, so
that the reader process can be started (``sandbox.start_reader``) before pandas is loaded here.
"""
