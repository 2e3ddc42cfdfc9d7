"""Targets: each renders the IR of an API into files. Language targets (`python/`) register in
`registry.py` and implement `base.Target`; `docs/` and `site/` document whichever SDK a language
target renders, through the interface in `docs/`, and import no language target."""
