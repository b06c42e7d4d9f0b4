"""The scenario studio: each organisation's own scenarios, versioned, beside the library."""
