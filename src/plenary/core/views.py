from django.apps import apps
from django.contrib.auth import views as auth_views
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from plenary.core import health, selectors
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
    """200 when every part answers; 503 naming each part that does not (core/health.py)."""
    now = timezone.now()
    checks = {
        "database": health.database(),
        "cache": health.cache(),
        "worker": health.worker(now=now),
        "scheduler": health.scheduler(now=now),
    }
    failing = [name for name, (ok, _) in checks.items() if not ok]
    body = {
        "status": "unavailable" if failing else "ok",
        **({"failing": failing} if failing else {}),
        **{name: detail for name, (_, detail) in checks.items()},
    }
    return JsonResponse(body, status=503 if failing else 200)


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
