"""Fusion across articles: rewrite families, canonical events, conflicts, name flags.

Pure functions over batches: each takes a batch of new items and a lookup that returns
the few stored items they may join, and returns what to write. The store
(``wirewatch.store``) does the lookups and the writing.
"""

from wirewatch.fuse.events import assign_batch, find_conflicts, summarise
from wirewatch.fuse.families import article_features, compare, match_batch
from wirewatch.fuse.names import name_flags

__all__ = ["article_features", "assign_batch", "compare", "find_conflicts", "match_batch",
           "name_flags", "summarise"]
