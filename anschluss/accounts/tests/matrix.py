from anschluss.testing.matrix import Row, everyone, expect, municipal, signed_in

ROWS = [
    Row("accounts:start", get=everyone(302), post=everyone(405)),
    Row(
        "accounts:municipality_start",
        get=municipal(
            [
                "student",
                "guardian",
                "teacher",
                "school_coordinator",
                "other_school_coordinator",
                "company_staff",
                "other_company_staff",
                "liaison",
                "partner_counsellor",
                "jobcenter_counsellor",
                "counsellor",
                "coordinator",
                "statistics_reader",
                "platform_admin",
            ]
        ),
        post=everyone(405),
        kwargs=lambda world: {"municipality": world.main.slug},
    ),
]

# django-allauth's pages (login, password, second factor). A signed-in person is sent on from the login and
# sign-up pages; sign-up itself is closed (the page says so). Pages that need a recent login or a pending
# flow redirect when there is none.
STUDENTS_AND_GUARDIANS = {"student": 302, "guardian": 302}
ROWS += [
    Row("account_login", get=expect(302, anonymous=200), post=expect(302, anonymous=200)),
    Row("account_logout", get=signed_in(200), post=everyone(302)),
    Row("account_inactive", get=everyone(200), post=everyone(405)),
    Row("account_signup", get=expect(302, anonymous=200), post=expect(302, anonymous=200)),
    Row("account_reauthenticate", get=signed_in(200), post=signed_in(200)),
    Row("account_email", get=signed_in(200), post=everyone(302)),
    Row("account_email_verification_sent", get=everyone(200), post=everyone(405)),
    Row("account_change_password", get=signed_in(200), post=signed_in(200)),
    Row("account_set_password", get=everyone(302), post=everyone(302)),
    Row("account_reset_password", get=everyone(200), post=everyone(200)),
    Row("account_confirm_login_code", get=everyone(302), post=everyone(302)),
    Row("account_reset_password_from_key_done", get=everyone(200), post=everyone(405)),
    Row("account_reset_password_done", get=everyone(200), post=everyone(405)),
    # An unknown confirmation key: the page says the link is invalid; confirming it is a 404.
    Row(
        "account_confirm_email",
        get=everyone(200),
        post=everyone(404),
        kwargs=lambda world: {"key": "unknown"},
    ),
    Row(
        "account_reset_password_from_key",
        get=everyone(200),
        post=everyone(200),
        kwargs=lambda world: {"uidb36": "1", "key": "invalid-key"},
    ),
    Row("mfa_index", get=signed_in(200), post=signed_in(405)),
    Row("mfa_authenticate", get=everyone(302), post=everyone(302)),
    Row(
        "mfa_reauthenticate",
        get=signed_in(200, **STUDENTS_AND_GUARDIANS),
        post=signed_in(200, **STUDENTS_AND_GUARDIANS),
    ),
    Row("mfa_activate_totp", get=everyone(302), post=everyone(302)),
    Row(
        "mfa_deactivate_totp",
        get=expect(302, student=404, guardian=404),
        post=expect(302, student=404, guardian=404),
    ),
    # Nobody in the fixtures has generated recovery codes yet.
    Row("mfa_view_recovery_codes", get=signed_in(404), post=signed_in(405)),
    Row("mfa_generate_recovery_codes", get=everyone(302), post=everyone(302)),
    Row("mfa_download_recovery_codes", get=signed_in(404), post=signed_in(404)),
]
