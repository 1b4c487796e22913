"""Pieces every page uses: sidebar filters kept in the URL, charts with downloads, source sentences."""
