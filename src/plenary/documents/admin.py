from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plenary.documents.models import Document, LanguageVersion


class LanguageVersionInline(admin.TabularInline):
    model = LanguageVersion
    extra = 0
    readonly_fields = ["file", "size", "content_type", "sha256", "uploaded_at", "uploaded_by"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["symbol", "title", "meeting", "status", "issued_on"]
    list_filter = ["meeting", "series", "status"]
    search_fields = ["symbol", "title"]
    raw_id_fields = ["revises"]
    inlines = [LanguageVersionInline]
