"""Documents: the data of a year or term report (report), of the month summary (month), of the
statistics forms (form_figures), the collection workbook's layout (collection), and rendering
them through the templates (render; a user's template under the limits of ``limits``).

Imports only the layers below (base, vocabulary, figures).
"""
