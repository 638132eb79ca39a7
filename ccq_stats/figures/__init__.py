"""Figures: classifying ratings (classify), records, the shares (stats), the rules and their findings.

Imports only the base and the vocabulary; knows nothing of files, stores or documents.
"""
