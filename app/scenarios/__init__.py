"""The scenario library: crises to rehearse, kept as validated YAML under scenarios/."""
