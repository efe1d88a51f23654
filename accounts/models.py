from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's user. Custom from the first migration so fields can be added later."""

    class Meta:
        verbose_name = "bruger"
        verbose_name_plural = "brugere"
