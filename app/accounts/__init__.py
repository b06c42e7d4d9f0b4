"""Users, organisations, memberships, sessions and API tokens."""
