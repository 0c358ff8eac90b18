"""accounts.directory: the one place that answers who belongs where."""

import pytest
from django.utils import timezone
from django_scopes import scope

from anschluss.accounts import directory
from anschluss.accounts.models import Role


@pytest.fixture
def scoped(world):
    from anschluss.students.tests.world import school_world

    school_world(world)  # the student persona's record and the guardian persona's accepted guardianship
    with scope(municipality=world.main.pk):
        yield world


def test_organisations_of_a_user_in_a_role(scoped):
    world = scoped
    assert directory.organisation_ids(world.users["company_staff"], Role.COMPANY_STAFF) == {
        world.orgs["company"].pk
    }
    assert directory.organisation_ids(world.users["company_staff"], Role.TEACHER) == frozenset()
    assert directory.organisation_ids(world.users["teacher"], Role.TEACHER, Role.SCHOOL_COORDINATOR) == {
        world.orgs["project_school"].pk
    }


def test_members_of_an_organisation_in_a_role(scoped):
    world = scoped
    assert list(directory.members(world.orgs["company"].pk, Role.COMPANY_STAFF)) == [
        world.users["company_staff"]
    ]
    school = world.orgs["project_school"].pk
    assert set(directory.members(school, Role.TEACHER, Role.SCHOOL_COORDINATOR)) >= {
        world.users["teacher"],
        world.users["school_coordinator"],
    }


def test_grant_and_end_keep_the_cached_roles_true(scoped):
    world = scoped
    staff = world.users["company_staff"]
    assert Role.LIAISON not in staff.roles
    directory.organisation_ids(staff, Role.LIAISON)  # cached empty
    directory.grant(staff, world.orgs["other_company"], Role.LIAISON)
    assert Role.LIAISON in staff.roles
    assert directory.organisation_ids(staff, Role.LIAISON) == {world.orgs["other_company"].pk}
    assert staff in directory.members_in_municipality(world.main, Role.LIAISON)
    assert staff in directory.liaisons_for(world.orgs["project_school"])
    assert directory.end(staff, Role.LIAISON) == 1
    assert Role.LIAISON not in staff.roles


def test_student_record_and_guardians(scoped):
    world = scoped
    student_user, guardian = world.users["student"], world.users["guardian"]
    student = directory.student_of(student_user)
    assert student is not None and student.user == student_user
    assert directory.student_of(world.users["teacher"]) is None
    assert list(directory.guardians_of(student)) == [guardian]
    assert list(directory.children_of(guardian)) == [student]
    assert directory.is_guardian_of(guardian, student)
    assert not directory.is_guardian_of(world.users["teacher"], student)


def test_a_guardian_is_one_who_accepted_with_an_active_account(scoped):
    world = scoped
    guardian = world.users["guardian"]
    student = directory.student_of(world.users["student"])
    guardianship = student.guardianships.get(user=guardian)
    guardianship.accepted = None
    guardianship.save()
    assert not directory.is_guardian_of(guardian, student)
    guardianship.accepted = timezone.now()
    guardianship.save()
    guardian.is_active = False
    guardian.save()
    assert list(directory.guardians_of(student)) == []
    assert not directory.is_guardian_of(guardian, student)
