from django.contrib.auth import views as auth_views
from django.urls import path

from plenary.core import floor, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("bench/fixed-text", floor.fixed_text, name="floor_fixed_text"),
    path("bench/sixty-rows", floor.sixty_rows, name="floor_sixty_rows"),
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password-reset/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="core/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="core/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("accounts/two-factor/", views.two_factor, name="two_factor"),
    path("accounts/two-factor/enrol/", views.two_factor_enrol, name="two_factor_enrol"),
    path("accounts/two-factor/settings/", views.two_factor_settings, name="two_factor_settings"),
    path("accounts/two-factor/backup-codes/", views.make_backup_codes, name="make_backup_codes"),
    path("accounts/two-factor/remove/", views.remove_second_factor, name="remove_second_factor"),
    path("accounts/roles/", views.account_roles, name="account_roles"),
    path("accounts/tokens/", views.api_tokens, name="api_tokens"),
    path("accounts/tokens/<int:pk>/revoke/", views.revoke_api_token, name="revoke_api_token"),
    path("accounts/<slug:convention>/people/", views.people, name="people"),
    path("accounts/<slug:convention>/people/invite/", views.invite, name="invite"),
    path("accounts/<slug:convention>/people/grant/", views.grant, name="grant_role"),
    path(
        "accounts/<slug:convention>/people/grants/<int:pk>/end/",
        views.end_role,
        name="end_role",
    ),
    path(
        "accounts/<slug:convention>/people/<int:pk>/erase/",
        views.erase_person,
        name="erase_person",
    ),
    path(
        "accounts/<slug:convention>/people/<int:pk>/second-factor/reset/",
        views.reset_second_factor,
        name="reset_second_factor",
    ),
    path("history/<str:app_label>/<str:model_name>/<int:pk>/", views.history, name="history"),
]
