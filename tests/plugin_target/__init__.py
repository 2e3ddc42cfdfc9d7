"""A target defined outside the generator, as a plugin would be: this folder and one
`register_target` call. It lists each operation of an API (method, path, arguments)."""
