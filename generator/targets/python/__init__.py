"""The Python SDK target."""
