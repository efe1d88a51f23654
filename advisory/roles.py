"""The two staff roles and what each may do. Used by data migrations, so it takes the
migration's ``apps`` registry rather than importing models. What a migration has granted
stays as it was: a later grant gets its own list and its own migration."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes

SECRETARIAT = "Sekretariat"
EDITORS = "Redaktører"

SECRETARIAT_MODEL_PERMISSIONS = {
    "advisory": {
        "case": ["add", "change", "view"],
        "caseevent": ["view"],
        "organisation": ["add", "change", "view"],
        "contact": ["add", "change", "delete", "view"],
        "replytemplate": ["add", "change", "delete", "view"],
    },
}
EDITOR_MODEL_PERMISSIONS = {
    "kb": {"topic": ["add", "change", "view"]},
}
# Granted by migration 0012: keeping the audiences, the synonyms and the editor's picks, and
# reading what people search for.
EDITOR_SEARCH_PERMISSIONS = {
    "kb": {
        "audience": ["add", "change", "view"],
        "synonym": ["add", "change", "delete", "view"],
        "searchquerylog": ["view"],
    },
    "wagtailsearchpromotions": {"searchpromotion": ["add", "change", "delete", "view"]},
}
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
# Granted by migration 0018. Wagtail asks for documents' and images' permissions by its own
# models' names, also for the site's own models (KbDocument, KbImage): what migration 0002 granted
# on those let an editor do nothing, so 0002 no longer grants it and 0018 takes it away.
EDITOR_COLLECTION_PERMISSIONS = {
    "wagtaildocs": {"document": ["add", "change", "choose"]},
    "wagtailimages": {"image": ["add", "change", "choose"]},
}


def ensure_permissions(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permissions(apps, spec):
    Permission = apps.get_model("auth", "Permission")
    for app_label, models in spec.items():
        for model, actions in models.items():
            for action in actions:
                yield Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                )


def _admin_access(apps):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def create_groups(apps, schema_editor):
    """Create "Sekretariat" (cases and organisations) and "Redaktører" (the knowledge base)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    secretariat.permissions.add(
        _admin_access(apps), *_permissions(apps, SECRETARIAT_MODEL_PERMISSIONS)
    )

    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(_admin_access(apps), *_permissions(apps, EDITOR_MODEL_PERMISSIONS))
    root_page = Page.objects.filter(depth=1).first()
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=editors,
            page=root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def grant_documents_and_images(apps, schema_editor):
    """Editors may upload, change and choose every document and image (the root collection)."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    root_collection = Collection.objects.filter(depth=1).first()
    for permission in _permissions(apps, EDITOR_COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=editors, collection=root_collection, permission=permission
        )
    # What earlier versions granted on the site's own models, which Wagtail never asks about.
    GroupCollectionPermission.objects.filter(
        group=editors, permission__content_type__app_label="kb"
    ).delete()


def grant_search_upkeep(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*_permissions(apps, EDITOR_SEARCH_PERMISSIONS))


def editors_approve(apps, schema_editor):
    """Editors review what waits for approval (such as a FAQ draft made from a case): the
    approval task asked only "Godkendere", a group no one is put in, so drafts waited for ever."""
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    for task in GroupApprovalTask.objects.all():
        task.groups.add(editors)
