"""Shared plumbing: settings, database, errors, security, i18n, templating."""
