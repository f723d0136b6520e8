"""Teacher-ready quiz sets shipped with Dushu (TOML data files)."""
