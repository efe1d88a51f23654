"""Factories for the case tracker: organisations, staff in their groups, and cases opened
through the workflow (so they get a reference, a due date and a first event)."""

import factory

from django.contrib.auth.models import Group

from accounts.models import User
from advisory import workflow
from advisory.models import Case, Contact, Municipality, Organisation
from advisory.models.cases import Channel
from advisory.roles import EDITORS, SECRETARIAT


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruger{n}")
    first_name = factory.Sequence(lambda n: f"Medarbejder {n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("hemmeligt-kodeord")


def staff_user(group_name: str = SECRETARIAT, **kwargs) -> User:
    """A user in one of the project's groups ("Sekretariat" or "Redaktører")."""
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def secretary(**kwargs) -> User:
    return staff_user(SECRETARIAT, **kwargs)


def editor(**kwargs) -> User:
    return staff_user(EDITORS, **kwargs)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Værestedet Nr. {n}")
    kind = Organisation.Kind.VAERESTED
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(name="Odense"))
    email = factory.Sequence(lambda n: f"vaerested{n}@example.org")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Kontaktperson {n}")


class CaseFactory(factory.Factory):
    """Builds the fields and opens the case through ``workflow.open_case``."""

    class Meta:
        model = Case

    requester_name = "Karen Jensen"
    requester_email = "karen@example.org"
    channel = Channel.PHONE
    subject = factory.Sequence(lambda n: f"Spørgsmål {n}")
    question = "Hvordan finder vi flere frivillige til weekenden?"
    organisation = factory.SubFactory(OrganisationFactory)

    @classmethod
    def _create(cls, model_class, *args, author=None, **kwargs):
        return workflow.open_case(author=author, **kwargs)
