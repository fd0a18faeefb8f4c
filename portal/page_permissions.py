"""Wagtail's page permission rules, with two limits for this site.

Every page type of the project answers ``permissions_for_user`` with
``SitePagePermissionTester`` (see ``BasePage``), so the admin's buttons, the
views and bulk actions all apply them:

- Moving or deleting a page changes the page tree that every language shares
  (wagtail-localize keeps translations at the same place as their source), so
  only people whose page permissions cover the whole site (Marketing, granted
  at the root) and superusers may. Wagtail alone would let anyone with edit
  and publish rights in one language's tree (translators) delete or move there.
- Copying creates a page, so it needs permission to add pages somewhere:
  clinicians, who may edit their own pages, never create one.
"""

from wagtail.models import PagePermissionTester


class SitePagePermissionTester(PagePermissionTester):
    def _grants(self):
        return self.permission_policy.get_cached_permissions_for_user(self.user)

    def _covers_whole_site(self):
        return self.user.is_superuser or any(
            grant.page.depth == 1 and grant.permission.codename == "change_page" for grant in self._grants()
        )

    def can_delete(self, ignore_bulk=False):
        return self._covers_whole_site() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return self._covers_whole_site() and super().can_move()

    def can_copy(self):
        may_add_somewhere = self.user.is_superuser or any(
            grant.permission.codename == "add_page" for grant in self._grants()
        )
        return may_add_somewhere and super().can_copy()
