"""Stage 1: read a spec (YAML/JSON), guard it, bundle its refs, convert Swagger 2.0, check its
structure, and locate every JSON pointer on a line."""
