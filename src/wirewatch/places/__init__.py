"""Place recognition and resolution against GeoNames (docs/contract.md section 3)."""

from wirewatch.places.gazetteer import Gazetteer, default_gazetteer
from wirewatch.places.models import Place, PlaceMention
from wirewatch.places.pipeline import extract_places, places_in_text, resolve_place

__all__ = ["Gazetteer", "Place", "PlaceMention", "default_gazetteer", "extract_places",
           "places_in_text", "resolve_place"]
