"""Build a commune's public transparency site from its YAML records."""
