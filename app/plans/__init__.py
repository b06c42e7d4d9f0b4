"""Plan authoring: roles, severity levels, audiences, key messages, checklist, KPIs, versions."""
