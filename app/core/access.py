"""Access rules: every route declares one through a dependency, and a test checks it does."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from fastapi.routing import APIRoute


@dataclass(frozen=True)
class AccessRule:
    """Who may call a route: anyone, any signed-in user, or members with given roles.

    Roles are plain names here; the accounts package, which defines them, fills them in.
    """

    kind: str  # "public", "signed_in" or "member"
    roles: frozenset[str] = frozenset()

    def allows(self, role: str) -> bool:
        """Whether a member with `role` passes (no roles: every member does)."""
        return not self.roles or role in self.roles


def mark(rule: AccessRule):
    """Decorate a dependency so the route walk can read the rule it enforces."""

    def decorate(dependency: Any) -> Any:
        dependency.access_rule = rule
        return dependency

    return decorate


def rules_of(route: APIRoute) -> list[AccessRule]:
    """Every access rule found in a route's dependency tree."""
    found: list[AccessRule] = []
    pending: list[Any] = [route.dependant]
    while pending:
        dependant = pending.pop()
        rule = getattr(dependant.call, "access_rule", None)
        if rule is not None:
            found.append(rule)
        pending.extend(dependant.dependencies)
    return found


def strictest(rules: Iterable[AccessRule]) -> AccessRule | None:
    """The rule that decides: member beats signed-in beats public; role sets intersect."""
    order = {"public": 0, "signed_in": 1, "member": 2}
    rules = list(rules)
    if not rules:
        return None
    top = max(rules, key=lambda r: order[r.kind])
    if top.kind != "member":
        return top
    role_sets = [r.roles for r in rules if r.kind == "member" and r.roles]
    roles = frozenset.intersection(*role_sets) if role_sets else frozenset()
    return AccessRule("member", roles)
