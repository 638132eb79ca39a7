"""Vocabulary: the tiers, labels, subjects, header words and display names, read from the TOML data.

Imports only the base modules (errors, i18n, text); everything above reads its words from here.
``terms`` holds the words of the code read from scales.toml, ``phrases`` how words are compared,
``tables`` the lookup tables (``Scales``), ``scales`` loads and checks the TOML files; every name is
importable from ``scales``.
"""
