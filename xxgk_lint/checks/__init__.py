"""Built-in checks, one module per rule family, registered as entry points in pyproject.toml."""
