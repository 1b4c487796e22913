"""giaoban: Vietnamese giao ban meeting history as data.

The core package: text normalisation, reference data, loaders, the DuckDB schema and named
queries. It never imports streamlit, so the CLI, tests and exporters run without a UI.
"""

__version__ = "0.1.0"
