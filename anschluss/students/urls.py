from django.urls import path

from .views import consent, cv, letters, milestones, profile, quiz, records, rights, school, signup

app_name = "students"

# Pages of one municipality live under /<municipality>/ (see core.middleware).
M = "<slug:municipality>/"
S = M + "school/"  # the school's workbench (teachers, coordinators)
ME = M + "me/"  # the student's own space

urlpatterns = [
    # Sign-up with a code
    path(M + "join/", signup.join, name="join"),
    path(M + "guardians/join/", signup.guardian_join, name="guardian_join"),
    # The school's workbench
    path(S + "classes/", school.class_list, name="class_list"),
    path(S + "classes/new/", school.class_create, name="class_create"),
    path(S + "classes/<int:pk>/", school.class_detail, name="class_detail"),
    path(S + "classes/<int:pk>/edit/", school.class_edit, name="class_edit"),
    path(S + "classes/<int:pk>/overview.xlsx", school.class_xlsx, name="class_xlsx"),
    path(S + "classes/<int:pk>/codes.pdf", school.class_codes, name="class_codes"),
    path(S + "classes/<int:pk>/guardian-letters.pdf", school.guardian_letters, name="guardian_letters"),
    path(S + "classes/<int:pk>/students/new/", school.student_add, name="student_add"),
    path(S + "import/", school.import_students, name="import"),
    path(S + "students/<int:pk>/", records.student_detail, name="student_detail"),
    path(S + "students/<int:pk>/code/", records.student_code, name="student_code"),
    path(S + "students/<int:pk>/milestones/new/", records.school_milestone_add, name="school_milestone_add"),
    path(S + "students/<int:pk>/strengths/", records.teacher_strength, name="teacher_strength"),
    path(S + "students/<int:pk>/guardians/", records.guardian_invite, name="guardian_invite"),
    path(S + "students/<int:pk>/erase/", records.student_erase, name="student_erase"),
    path(S + "milestones/<int:pk>/confirm/", records.milestone_confirm, name="milestone_confirm"),
    path(M + "consent-rule/", records.consent_policy, name="consent_policy"),
    # Shared by student, guardians and school
    path(M + "milestones/<int:pk>/delete/", records.milestone_delete, name="milestone_delete"),
    path(M + "documents/<int:pk>/", letters.document_download, name="document_download"),
    path(M + "students/<int:pk>/consents/", consent.consents, name="consents"),
    path(M + "consents/<int:pk>/revoke/", consent.consent_revoke, name="consent_revoke"),
    path(M + "children/<int:pk>/", consent.child, name="child"),
    path(M + "children/<int:pk>/data/export.json", rights.child_data_json, name="child_data_json"),
    path(M + "children/<int:pk>/data/export.pdf", rights.child_data_pdf, name="child_data_pdf"),
    # The student's own space
    path(ME + "milestones/", milestones.milestones, name="milestones"),
    path(ME + "milestones/new/", milestones.milestone_add, name="milestone_add"),
    path(ME + "interests/", quiz.quiz, name="quiz"),
    path(ME + "interests/<int:page>/", quiz.quiz_page, name="quiz_page"),
    path(ME + "interests/save/", quiz.quiz_save, name="quiz_save"),
    path(ME + "interests/result/", quiz.quiz_result, name="quiz_result"),
    path(ME + "interests/reset/", quiz.quiz_reset, name="quiz_reset"),
    path(ME + "strengths/", profile.strengths, name="strengths"),
    path(ME + "cv/", cv.cv_overview, name="cv"),
    path(ME + "cv/photo/image/", cv.cv_photo, name="cv_photo"),
    path(ME + "cv/photo/remove/", cv.cv_photo_remove, name="cv_photo_remove"),
    path(ME + "cv/lebenslauf.pdf", cv.cv_pdf, name="cv_pdf"),
    path(ME + "cv/save/", cv.cv_to_library, name="cv_to_library"),
    path(ME + "cv/lines/<int:pk>/", cv.cv_entry_edit, name="cv_entry_edit"),
    path(ME + "cv/lines/<int:pk>/delete/", cv.cv_entry_delete, name="cv_entry_delete"),
    path(ME + "cv/<slug:step>/", cv.cv_step, name="cv_step"),
    path(ME + "letters/", letters.letters, name="letters"),
    path(ME + "letters/new/", letters.letter_edit, name="letter_create"),
    path(ME + "letters/<int:pk>/", letters.letter_edit, name="letter_edit"),
    path(ME + "letters/<int:pk>/anschreiben.pdf", letters.letter_pdf, name="letter_pdf"),
    path(ME + "letters/<int:pk>/save/", letters.letter_to_library, name="letter_to_library"),
    path(ME + "letters/<int:pk>/delete/", letters.letter_delete, name="letter_delete"),
    path(ME + "documents/", letters.documents, name="documents"),
    path(ME + "documents/<int:pk>/delete/", letters.document_delete, name="document_delete"),
    path(ME + "sharing/", consent.sharing, name="sharing"),
    path(ME + "portfolio/", rights.portfolio, name="portfolio"),
    path(ME + "portfolio.pdf", rights.portfolio_pdf, name="portfolio_pdf"),
    path(ME + "data/", rights.my_data, name="my_data"),
    path(ME + "data/export.json", rights.data_json, name="data_json"),
    path(ME + "data/export.pdf", rights.data_pdf, name="data_pdf"),
    path(ME + "data/erase/", rights.erase_me, name="erase_me"),
]
