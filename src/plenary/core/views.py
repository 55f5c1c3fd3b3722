from django.apps import apps
from django.contrib.auth import views as auth_views
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from plenary.core import selectors
from plenary.core.forms import ThrottledAuthenticationForm
from plenary.core.permissions import is_signed_in
from plenary.treaties import selectors as treaties

HISTORY_MODELS = {
    "treaties": {"state", "participation", "obligation", "extension", "transparencyreport"},
    "meetings": {"meeting", "meetingpart", "officer", "agendaitem", "delegation"},
    "documents": {"document", "languageversion"},
}


def home(request):
    """Every configured convention, each with a link to its pages."""
    return render(request, "core/home.html", {"conventions": treaties.conventions()})


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    template_name = "core/login.html"
    redirect_authenticated_user = True

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.refused:
            response.status_code = 429
        return response


@never_cache
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def history(request, app_label: str, model_name: str, pk: int):
    """The audit trail of one record: who changed what, and when."""
    if model_name not in HISTORY_MODELS.get(app_label, set()):
        raise Http404("No history is kept for that kind of record.")
    if not is_signed_in(request.user):
        return auth_views.redirect_to_login(request.get_full_path())
    model = apps.get_model(app_label, model_name)
    obj = get_object_or_404(model, pk=pk)
    return render(
        request,
        "core/history.html",
        {"object": obj, "rows": selectors.history_of(obj=obj)},
    )
