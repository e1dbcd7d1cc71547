"""A route's model as JSON bytes, serialized once by pydantic's Rust core.

A route that returns a model has FastAPI validate it again against ``response_model`` and encode it with
``json.dumps``; the model was validated when the route built it. Routes keep ``response_model`` for the
OpenAPI and return ``json_of(model)``, which FastAPI sends as it is.
"""

from __future__ import annotations

from fastapi.responses import Response
from pydantic import BaseModel


def json_of(model: BaseModel) -> Response:
    """The model as FastAPI would write it (field aliases, nulls kept), without validating it twice."""
    body = type(model).__pydantic_serializer__.to_json(model, by_alias=True)
    return Response(body, media_type="application/json")
