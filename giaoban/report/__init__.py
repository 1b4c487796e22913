"""Year-end and quarterly report packs: DOCX, PDF, XLSX and a ZIP of everything with the charts.

``spec`` reads the period and scope, ``contents`` gathers numbered charts and tables from named
queries into ``model`` objects, ``docx``/``pdf``/``xlsx``/``zipped`` render them, ``build`` runs
the whole thing (``build_report``). Charts go through ``giaoban.export`` (one chromium per pack).
"""
