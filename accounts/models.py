from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The project's user. Custom from the first migration so fields can be added later."""

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
