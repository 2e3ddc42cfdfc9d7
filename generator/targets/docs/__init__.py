"""The Markdown docs target: a reference of the Python SDK, page per resource."""
