"""Who may see and work on cases. Cases and their timelines are never deleted in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from advisory.models import Case


class CasePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody (not even a superuser) may delete a case: its
    timeline is the record of what the secretariat did."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


case_permission_policy = CasePermissionPolicy(Case)
register_permission_policy(Case, case_permission_policy)


def can_view_cases(user) -> bool:
    return user.is_active and case_permission_policy.user_has_permission(user, "view")


def can_work_on_cases(user) -> bool:
    return user.is_active and case_permission_policy.user_has_permission(user, "change")
