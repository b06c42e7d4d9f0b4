"""Scoring and after-action review: a pure scoring core, and the CLI and API around it."""
