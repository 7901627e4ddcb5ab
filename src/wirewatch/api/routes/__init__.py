"""The API's routes, one :class:`fastapi.APIRouter` per resource, in the order the app
includes them (which is the order of the OpenAPI document)."""

from wirewatch.api.routes import (
    articles,
    conflicts,
    decisions,
    events,
    exports,
    families,
    places,
    review,
    server,
    sources,
    users,
)

ROUTERS = (server.router, events.router, review.router, decisions.router, articles.router,
           families.router, conflicts.router, places.router, sources.router, exports.router,
           users.router)

__all__ = ["ROUTERS"]
