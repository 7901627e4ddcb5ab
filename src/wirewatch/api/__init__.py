"""The HTTP API and web server of wirewatch (``wirewatch serve``).

:func:`create_app` returns the FastAPI app: the JSON API under ``/api/`` (see
``docs/api.md``; OpenAPI at ``/openapi.json``, browsable at ``/docs``) and the web pages
of :mod:`wirewatch.web` at ``/``.
"""

from wirewatch.api.app import create_app

__all__ = ["create_app"]
