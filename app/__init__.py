"""The orggraph HTTP API (FastAPI) and the org-chart explorer it serves."""
