"""API version diff: what changed between two OpenAPI documents and what it means for the SDK.

Two loaded documents (`inputs.py`) are indexed (`document.py`) and compared into a tree of
differences with no judgement (`tree.py`, built by `compare.py` and `schemas.py`). The rules of
the registry (`registry.py`: ids, levels, version bumps; `rules/`: one check per rule) read the
tree; `engine.py` runs them, merges what a shared component yields into one change, and names the
SDK methods and models each change touches (`sdk.py`). The `Report` (`model.py`) renders in the
formats of `formats/`, and the release history of an API's specs folder turns into SDK versions
and a changelog (`history.py`, `versioning.py`, `changelog.py`). `bench.py` times it all.
"""
