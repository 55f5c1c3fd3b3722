"""The action plans, coordinators and consultations in the back office, read-only: each is
changed through its service (on the page or the API), so that its checks and its history
hold (treaties.admin.ReadOnlyRecordAdmin)."""

from django.contrib import admin

from plenary.action_plan.models import (
    Action,
    ActionPlan,
    Answer,
    Consultation,
    ConsultationSection,
    Contribution,
    Coordination,
    Indicator,
    IndicatorValue,
    Question,
    Section,
    ThematicArea,
)
from plenary.treaties.admin import ReadOnlyRecordAdmin


@admin.register(ActionPlan)
class ActionPlanAdmin(ReadOnlyRecordAdmin):
    list_display = ["code", "name", "convention", "first_year", "last_year", "document_symbol"]
    list_filter = ["convention"]


@admin.register(ThematicArea)
class ThematicAreaAdmin(ReadOnlyRecordAdmin):
    list_display = ["name", "slug", "convention", "order"]
    list_filter = ["convention"]


@admin.register(Section)
class SectionAdmin(ReadOnlyRecordAdmin):
    list_display = ["plan", "number", "title", "area"]
    list_filter = ["plan"]
    list_select_related = ["plan", "area"]


@admin.register(Action)
class ActionAdmin(ReadOnlyRecordAdmin):
    list_display = ["number", "section", "text"]
    list_select_related = ["section__plan"]
    search_fields = ["text"]


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyRecordAdmin):
    list_display = ["code", "section", "kind", "computation", "baseline_year", "target_value"]
    list_filter = ["kind"]
    list_select_related = ["section__plan"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(ReadOnlyRecordAdmin):
    list_display = ["indicator", "year", "state", "value", "answer", "entered_by", "entered_at"]
    list_filter = ["year"]
    list_select_related = ["indicator", "state", "entered_by"]


@admin.register(Coordination)
class CoordinationAdmin(ReadOnlyRecordAdmin):
    list_display = ["area", "title", "term_from", "term_to", "in_office_year"]
    list_select_related = ["area"]


@admin.register(Consultation)
class ConsultationAdmin(ReadOnlyRecordAdmin):
    list_display = ["title", "convention", "issued_on", "deadline", "addressed_to", "closed_at"]
    list_filter = ["convention", "addressed_to"]


@admin.register(ConsultationSection)
class ConsultationSectionAdmin(ReadOnlyRecordAdmin):
    list_display = ["consultation", "number", "title", "area"]
    list_select_related = ["consultation", "area"]


@admin.register(Question)
class QuestionAdmin(ReadOnlyRecordAdmin):
    list_display = ["number", "text", "section"]
    list_select_related = ["section"]


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyRecordAdmin):
    list_display = ["consultation", "state", "organisation", "author", "submitted_at"]
    list_select_related = ["consultation", "state", "organisation", "author"]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyRecordAdmin):
    list_display = ["contribution", "question"]
    list_select_related = ["contribution__state", "contribution__organisation", "question"]
