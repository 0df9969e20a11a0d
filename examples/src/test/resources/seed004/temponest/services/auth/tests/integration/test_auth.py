"""Auth integration: registration, login and logout with their refusals."""


def test_registration_redirects_to_the_dashboard(auth, credentials):
    assert auth.post("/auth/register", credentials) == (201, {"redirect": "/dashboard"})


def test_an_email_registers_once(auth, credentials):
    assert auth.post("/auth/register", credentials)[0] == 201
    assert auth.post("/auth/register", credentials)[0] == 409


def test_a_mismatched_confirmation_is_refused(auth, credentials):
    assert auth.post("/auth/register", dict(credentials, confirm_password="something else"))[0] == 409


def test_a_wrong_password_is_refused(auth, credentials):
    assert auth.post("/auth/register", credentials)[0] == 201
    assert auth.post("/auth/login", dict(credentials, password="wrong"))[0] == 401


def test_logout_redirects_to_the_login_page_once(auth, token):
    assert auth.post("/auth/logout", token=token) == (200, {"redirect": "/login"})
    assert auth.post("/auth/logout", token=token)[0] == 401
