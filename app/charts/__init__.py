"""Server-side charts."""
