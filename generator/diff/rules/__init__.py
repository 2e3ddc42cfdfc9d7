"""The checks of every rule, one function per rule, grouped by the part of the API they read.

Importing a module here registers its checks in `generator.diff.registry.CHECKS`;
`generator.diff.catalog` imports them all.
"""
