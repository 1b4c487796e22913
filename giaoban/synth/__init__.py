"""Deterministic synthetic history of giao ban meetings (sample data for the demo and scale tests).

``generate(seed, scale, out_dir, data_dir, progress)`` writes Parquet parts for meetings,
meeting_orgs, meeting_people, recommendations, recommendation_events, directives,
directive_events, theme_links, plus the organisation instances and localities they use, and
returns row counts; ``load_into(con, out_dir)`` inserts them into a DuckDB connection whose schema
is applied. Scales: ``demo`` (Bắc Giang 2015–6/2025, then the new Bắc Ninh to 12/2025; about 1.2k
meetings), ``province`` (all its districts and communes, monthly commune meetings; about 25k) and
``national`` (every unit; ~1M meetings). Everything generated is marked as sample data: origin
'sample', titles starting "[Dữ liệu mẫu]", event source 'sample'.
"""

from giaoban.synth.generate import SCALES, generate
from giaoban.synth.writer import load_into

__all__ = ["SCALES", "generate", "load_into"]
