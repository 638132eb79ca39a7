"""Documents: the data of a year or term report (report), of the month summary (month), of the
statistics forms (form_figures), and rendering them through the templates (render).

Imports only the layers below (base, vocabulary, figures).
"""
