"""Runtime shared by every generated SDK: copied verbatim into `<package>/_runtime/`."""
