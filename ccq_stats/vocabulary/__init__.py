"""Vocabulary: the tiers, labels, subjects, header words and display names, read from the TOML data.

Imports only the base modules (errors, i18n, text); everything above reads its words from here.
"""
