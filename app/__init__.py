"""Stormdrill: rehearse crisis communication on social networks."""
