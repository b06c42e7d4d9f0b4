"""Live drills: the timed rehearsal of a plan against a storm."""
