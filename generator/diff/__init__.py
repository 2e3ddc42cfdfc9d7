"""API version diff: what changed between two OpenAPI documents and what it means for the SDK.

load two documents -> index them (`document.py`) -> compare them into a tree of differences
(`tree.py`, built by `schemas.py` and `compare.py`) -> run the rules of the registry over the
tree (`registry.py`, `rules/`) -> name the SDK methods and models each change touches (`sdk.py`)
-> a `Report` (`model.py`) that the formats render and the release history turns into SDK
versions and a changelog (`versioning.py`, `history.py`, `changelog.py`).
"""
