"""django-axes needs to know which username a failed login was for; allauth's form calls the field "login"."""


def username_of_attempt(request, credentials: dict | None) -> str | None:
    if request is not None and request.method == "POST" and request.POST.get("login"):
        return request.POST["login"].strip().lower()
    credentials = credentials or {}
    value = credentials.get("username") or credentials.get("email")
    return value.strip().lower() if isinstance(value, str) else None
