"""The Markdown docs: a reference of an SDK, a page per resource, read through the interface a
language target implements (`surface.py`, `model.SdkSurface`, `model.DocsLanguage`)."""
