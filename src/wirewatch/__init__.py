"""wirewatch: a sourced, geocoded record of claimed events from conflict news."""

from wirewatch.document import Document
from wirewatch.pipeline import Extraction, extract

__all__ = ["Document", "Extraction", "extract"]
