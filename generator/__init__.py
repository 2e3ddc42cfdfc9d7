"""sdkgen: an OpenAPI-driven SDK generator (load -> IR -> render -> write)."""

__version__ = "0.1.0"
