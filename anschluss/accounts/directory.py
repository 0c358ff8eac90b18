"""The directory of people: the one place that answers who belongs where, in which role.

Every app asks these functions; no other module queries `Membership` (a test walks the code to keep it so).

- the organisations of a user in a role (`organisation_ids`), the members of an organisation in a role
  (`members`), everyone of a municipality in a role (`members_in_municipality`);
- the student record of a user (`student_of`), the guardians of a student (`guardians_of`) and the students
  whose guardian a user is (`children_of`, `is_guardian_of`): a guardian is an accepted guardianship with an
  account that is active;
- the liaisons responsible for a school or a quarter (`liaisons_for`);
- memberships are granted and ended here too (`grant`, `end`), so that the cache of a user's roles stays true.

Student records and guardianships belong to the students app, which sits above accounts; the directory reaches
them through the app registry (`apps.get_model`), never by importing the students app.
"""

from collections.abc import Iterable

from django.apps import apps
from django.db.models import QuerySet
from django_scopes import scope

from .models import Membership, Role, User


def _roles(roles: Iterable[str]) -> list[str]:
    return [str(role) for role in roles]


def _signed_in(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.municipality_id)


def organisation_ids(user, *roles: str) -> frozenset[int]:
    """The organisations (schools, companies, partners) where the user holds one of `roles`, actively.

    Cached on the user instance for the request, like `User.roles_in`."""
    if not _signed_in(user):
        return frozenset()
    key = tuple(sorted(_roles(roles)))
    cache = user.__dict__.setdefault("_directory_organisation_ids", {})
    if key not in cache:
        with scope(municipality=user.municipality_id):
            cache[key] = frozenset(
                Membership.objects.filter(user=user, role__in=key, is_active=True).values_list(
                    "organisation_id", flat=True
                )
            )
    return cache[key]


def members(organisation_ids: int | Iterable[int], *roles: str) -> QuerySet[User]:
    """The active people who hold one of `roles` at the organisation(s), ordered by id."""
    ids = [organisation_ids] if isinstance(organisation_ids, int) else list(organisation_ids)
    user_ids = Membership.objects.filter(
        organisation_id__in=ids, role__in=_roles(roles), is_active=True
    ).values("user_id")
    return User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk")


def members_in_municipality(municipality, *roles: str) -> QuerySet[User]:
    """Everyone who holds one of `roles` at any organisation of the municipality."""
    user_ids = Membership.objects.filter(
        municipality=municipality, role__in=_roles(roles), is_active=True
    ).values("user_id")
    return User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk")


def liaisons_for(school_or_quarter) -> QuerySet[User]:
    """The liaisons responsible for a school or a quarter.

    Liaisons are assigned to a municipality's project, not yet to single schools: every liaison of the
    municipality is responsible for each of its schools and quarters."""
    return members_in_municipality(school_or_quarter.municipality_id, Role.LIAISON)


def memberships_of(user) -> QuerySet[Membership]:
    """The active memberships of a user, with their organisations (for the start page)."""
    return Membership.objects.filter(user=user, is_active=True).select_related("organisation")


def grant(user, organisation, role: str) -> Membership:
    """Give `user` the `role` at `organisation` (again, if it had ended). Services call this inside their
    transaction; it clears the user's cached roles."""
    membership, _created = Membership.objects.update_or_create(
        user=user,
        organisation=organisation,
        role=role,
        defaults={"municipality_id": organisation.municipality_id, "is_active": True},
    )
    _forget(user)
    return membership


def end(user, *roles: str) -> int:
    """Delete the user's memberships in `roles` (a closed student account). Returns how many."""
    count, _ = Membership.objects.filter(user=user, role__in=_roles(roles)).delete()
    _forget(user)
    return count


def _forget(user) -> None:
    user.__dict__.pop("_roles_cache", None)
    user.__dict__.pop("_directory_organisation_ids", None)


def student_of(user):
    """The student record of a signed-in user (with school and class), or None."""
    if not _signed_in(user):
        return None
    cache = user.__dict__.setdefault("_directory_student", {})
    if "student" not in cache:
        student_model = apps.get_model("students", "Student")
        cache["student"] = (
            student_model.objects.filter(user=user).select_related("school", "school_class").first()
        )
    return cache["student"]


def _accepted_guardianships():
    """The students app's guardian rule (`Guardianship.linked`): accepted, with an active account."""
    return apps.get_model("students", "Guardianship").linked()


def guardians_of(student) -> QuerySet[User]:
    """The accounts of the student's guardians who accepted their invitation, ordered by id."""
    user_ids = _accepted_guardianships().filter(student=student).values("user_id")
    return User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk")


def children_of(user) -> QuerySet:
    """The students whose guardian the user is."""
    student_model = apps.get_model("students", "Student")
    if not _signed_in(user):
        return student_model.objects.none()
    ids = _accepted_guardianships().filter(user=user).values("student_id")
    return student_model.objects.filter(pk__in=ids)


def is_guardian_of(user, student) -> bool:
    """Whether the user is an accepted guardian of the student."""
    return bool(
        _signed_in(user)
        and student is not None
        and _accepted_guardianships().filter(user=user, student=student).exists()
    )
