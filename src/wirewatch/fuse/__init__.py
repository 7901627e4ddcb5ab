"""Fusion across articles: rewrite families, canonical events, conflicts, name flags.

Pure functions over batches: rewrite families take a batch of new items and a lookup
that returns the few stored items they may join; canonical events cluster the group of
mentions a batch touched. Each returns what to write. The store
(``wirewatch.store``) does the lookups and the writing.
"""

from wirewatch.fuse.events import cluster, components, find_conflicts, summarise
from wirewatch.fuse.families import article_features, compare, match_batch
from wirewatch.fuse.names import name_flags

__all__ = ["article_features", "cluster", "compare", "components", "find_conflicts",
           "match_batch", "name_flags", "summarise"]
