"""Guardians and consent. A decision is a record that is never changed, only revoked; revoking takes effect on
the next request, because nothing caches it."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError  # raised by validate_password, not by this module
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from anschluss.accounts import directory
from anschluss.accounts.models import Role, User
from anschluss.core.audit import log_action
from anschluss.core.mail import send_mail_after_commit
from anschluss.core.models import Municipality
from anschluss.core.services import ServiceError, require

from ..models import Consent, ConsentPolicy, Guardianship, Student
from ..purposes import BY_KEY, PURPOSE_KEYS
from .classes import _unique_code
from .common import format_code, normalise_code


def policy_of(municipality: Municipality) -> ConsentPolicy:
    """The municipality's consent rule; unsaved defaults (guardian below 16 for every purpose) if none is set."""
    policy = ConsentPolicy.objects.filter(municipality=municipality).first()
    if policy is None:
        policy = ConsentPolicy(
            municipality=municipality,
            guardian_age=settings.STUDENTS_GUARDIAN_AGE,
            guardian_purposes=list(PURPOSE_KEYS),
        )
    return policy


def needs_guardian(student: Student, purpose: str, policy: ConsentPolicy | None = None) -> bool:
    """Whether a guardian must decide: the purpose is on the municipality's list and the student is younger
    than its age (or we do not know the student's age)."""
    policy = policy or policy_of(student.municipality)
    if purpose not in policy.guardian_purposes:
        return False
    age = student.age
    return age is None or age < policy.guardian_age


def current_decisions(student: Student) -> dict[str, Consent]:
    """purpose -> the latest decision that is not revoked."""
    latest: dict[str, Consent] = {}
    for consent in student.consents.filter(revoked__isnull=True).order_by("created", "id"):
        latest[consent.purpose] = consent
    return latest


def _holds(decisions: list[Consent], guardian_needed: bool) -> bool:
    """decisions: one purpose's decisions that are not revoked, newest first."""
    if not decisions or decisions[0].decision != Consent.Decision.GIVEN:
        return False
    if guardian_needed:
        return any(
            c.decision == Consent.Decision.GIVEN and c.given_as == Consent.GivenAs.GUARDIAN for c in decisions
        )
    return True


def has_consent(student: Student, purpose: str) -> bool:
    """True if the data may be used for `purpose` now: the latest decision is "given", made by a guardian where
    one is needed. A refusal by anyone, or a later revocation, ends it."""
    decisions = student.consents.filter(purpose=purpose, revoked__isnull=True).order_by("-created", "-id")
    return _holds(list(decisions), needs_guardian(student, purpose))


def consented_purposes(student: Student, policy: ConsentPolicy | None = None) -> list[str]:
    """The purposes that hold now (as has_consent), from `student.consents.all()`: prefetch it for a class."""
    policy = policy or policy_of(student.municipality)
    newest_first = sorted(
        (c for c in student.consents.all() if c.revoked is None),
        key=lambda c: (c.created, c.pk),
        reverse=True,
    )
    return [
        key
        for key in PURPOSE_KEYS
        if _holds([c for c in newest_first if c.purpose == key], needs_guardian(student, key, policy))
    ]


@transaction.atomic
def do_decide_consent(student: Student, *, purpose: str, give: bool, actor) -> Consent:
    """Record a decision for one purpose, by the student or a guardian (students.decide_consent). Earlier
    decisions of the same purpose stay in the record; the newest counts."""
    require(actor, "students.decide_consent", student)
    if purpose not in BY_KEY:
        raise ServiceError(_("Unknown purpose."), field="purpose")
    info = BY_KEY[purpose]
    as_student = student.user_id == actor.pk
    if as_student and give and needs_guardian(student, purpose):
        raise ServiceError(
            _(
                "For this, your parents or guardians must agree. They can say yes on their page in Anschluss; "
                "your school gives them a letter with a code."
            )
        )
    consent = Consent.objects.create(
        municipality=student.municipality,
        student=student,
        purpose=purpose,
        recipient=str(info.recipient),
        scope=str(info.scope),
        decision=Consent.Decision.GIVEN if give else Consent.Decision.REFUSED,
        given_by=actor,
        given_by_label=actor.get_full_name() or actor.get_username(),
        given_as=Consent.GivenAs.STUDENT if as_student else Consent.GivenAs.GUARDIAN,
    )
    log_action(actor, "students.consent.decide", consent, {"purpose": purpose, "decision": consent.decision})
    return consent


@transaction.atomic
def do_revoke_consent(consent: Consent, *, actor) -> Consent:
    """Revoke a consent that was given (students.decide_consent); effective from the next request."""
    require(actor, "students.decide_consent", consent.student)
    if consent.revoked is None:
        consent.revoked, consent.revoked_by = timezone.now(), actor
        consent.save(update_fields=["revoked", "revoked_by"])
        log_action(actor, "students.consent.revoke", consent, {"purpose": consent.purpose})
    return consent


@transaction.atomic
def do_update_consent_policy(
    municipality: Municipality, *, guardian_age: int, guardian_purposes: list[str], actor
) -> ConsentPolicy:
    """Set the municipality's consent rule (students.change_consent_policy)."""
    require(actor, "students.change_consent_policy", municipality)
    if any(p not in BY_KEY for p in guardian_purposes) or not 0 <= guardian_age <= 18:
        raise ServiceError(_("Please check your entries."))
    policy, _created = ConsentPolicy.objects.update_or_create(
        municipality=municipality,
        defaults={"guardian_age": guardian_age, "guardian_purposes": list(guardian_purposes)},
    )
    log_action(
        actor, "students.consentpolicy.update", policy, {"age": guardian_age, "purposes": guardian_purposes}
    )
    return policy


@transaction.atomic
def do_invite_guardian(student: Student, *, email: str = "", actor, join_url: str = "") -> Guardianship:
    """Invite a guardian with a one-time code: printed on a letter, and sent by e-mail when an address is given
    (students.invite_guardian)."""
    require(actor, "students.invite_guardian", student)
    invitation = Guardianship.invite(
        student, code=_unique_code(Guardianship.code_in_use), email=email, invited_by=actor
    )
    log_action(actor, "students.guardian.invite", invitation, {"by_email": bool(email)})
    if email:
        context = {"student": student, "code": format_code(invitation.code), "join_url": join_url}
        send_mail_after_commit(
            [email],
            _("Invitation: career orientation of %(name)s") % {"name": student.first_name},
            render_to_string("students/email/guardian_invitation.txt", context),
        )
    return invitation


def invitation_for_code(raw_code: str) -> Guardianship | None:
    code = normalise_code(raw_code)
    if not code:
        return None
    invitation = Guardianship.open_invitation(code)
    if invitation is None:
        return None
    age = timezone.now() - invitation.invited
    return invitation if age.days <= settings.STUDENTS_CODE_VALID_DAYS else None


@transaction.atomic
def do_accept_guardian_invitation(
    raw_code: str, *, actor, email: str = "", password: str = "", first_name: str = "", last_name: str = ""
) -> User:
    """Link a guardian to the student of the code. A signed-in guardian is linked as they are; anyone else
    gets a new account with e-mail and password. The code is the permission; it is used up."""
    invitation = invitation_for_code(raw_code)
    if invitation is None:
        raise ServiceError(
            _("This code does not work. Check it or ask the school for a new letter."), field="code"
        )
    invitation = Guardianship.locked(invitation.pk)
    student = invitation.student
    if actor is not None and actor.is_authenticated:
        if actor.municipality_id != student.municipality_id:
            raise ServiceError(
                _("This code does not work. Check it or ask the school for a new letter."), field="code"
            )
        user = actor
    else:
        if (
            User.objects.filter(email__iexact=email).exists()
            or User.objects.filter(username__iexact=email).exists()
        ):
            raise ServiceError(
                _("This e-mail address already has an account. Please sign in first."), field="email"
            )
        user = User(
            username=email.lower(),
            email=email.lower(),
            first_name=first_name,
            last_name=last_name,
            municipality=student.municipality,
        )
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ServiceError(" ".join(exc.messages), field="password1") from None
        user.set_password(password)
        user.save()
    if directory.is_guardian_of(user, student):
        raise ServiceError(_("You are already linked to this student."), field="code")
    directory.grant(user, student.school, Role.GUARDIAN)
    invitation.user, invitation.code, invitation.accepted = user, None, timezone.now()
    invitation.save(update_fields=["user", "code", "accepted"])
    log_action(user, "students.guardian.accept", invitation)
    return user
