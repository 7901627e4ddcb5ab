"""Disjoint sets of string keys: what rewrite families and source groups are built from."""

from __future__ import annotations


class DisjointSets:
    """Union-find over string keys; the smallest key names each set (stable across runs)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        """Return the key naming the set that holds ``x`` (adding ``x`` alone if new)."""
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        """Merge the sets holding ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> dict[str, set[str]]:
        """Return every set, keyed by the key that names it."""
        out: dict[str, set[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), set()).add(x)
        return out
