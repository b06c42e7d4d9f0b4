"""Path parameters of the routes, and how to make an id for each in a given organisation.

The cross-organisation route walk (tests/test_access.py) creates an id in another
organisation with these functions and checks that every route answers 404 for it.
Each function takes (session, factory, org) and returns an id belonging to `org`.
"""

from collections.abc import Callable

from tests.plans.helpers import plan_id, section_item_id, version_id

PATH_PARAMS: dict[str, Callable] = {
    "plan_id": plan_id,
    "version_id": version_id,
    "role_id": section_item_id("roles"),
    "severity_id": section_item_id("severities"),
    "audience_id": section_item_id("audiences"),
    "message_id": section_item_id("messages"),
    "action_id": section_item_id("checklist"),
    "kpi_id": section_item_id("kpis"),
}
