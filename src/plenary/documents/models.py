"""Documents of a meeting, by UN symbol, with their language versions and files.

A document's symbol is stored as written (`CCM/CONF/2020/CRP.8/Rev.1`) and, beside it,
its parsed series, number and suffixes so that a meeting's documents can be filtered by
series in the database; the annex order itself is `plenary.rules.symbols.sort_key`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from plenary.meetings.models import AgendaItem, Meeting, MeetingPart
from plenary.treaties.models import State


class Series(models.TextChoices):
    MAIN = "", _("main series")
    L = "L", _("limited distribution (L)")
    WP = "WP", _("working papers (WP)")
    CRP = "CRP", _("conference room papers (CRP)")
    INF = "INF", _("information documents (INF)")
    MISC = "MISC", _("miscellaneous (MISC)")


class Submitter(models.TextChoices):
    PRESIDENT = "president", _("the President")
    STATES = "states", _("one or more States")
    ISU = "isu", _("the Implementation Support Unit")
    SECRETARIAT = "secretariat", _("the Secretariat")
    COORDINATOR = "coordinator", _("a thematic coordinator")


class DocumentStatus(models.TextChoices):
    ADVANCE = "advance", _("advance version")
    ISSUED = "issued", _("issued")
    SUPERSEDED = "superseded", _("superseded")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Language(models.TextChoices):
    """The six official languages of the United Nations, in the UN's order."""

    AR = "ar", _("Arabic")
    ZH = "zh", _("Chinese")
    EN = "en", _("English")
    FR = "fr", _("French")
    RU = "ru", _("Russian")
    ES = "es", _("Spanish")


# A version's language code where the site's differs (settings.LANGUAGES' "zh-hans").
_SITE_CODES = {"zh": "zh-hans"}


def site_language(code: str) -> str:
    """The site's code (settings.LANGUAGES) of a language version's code."""
    return _SITE_CODES.get(code, code)


def version_language(code: str) -> str:
    """A language version's code of the site's code ("zh" for "zh-hans")."""
    return {site: own for own, site in _SITE_CODES.items()}.get(code, code)


class Document(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="documents")
    part = models.ForeignKey(
        MeetingPart,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        help_text=_("The part of the meeting it was issued for, when known."),
    )
    symbol = models.CharField(max_length=80, unique=True)
    series = models.CharField(max_length=4, choices=Series.choices, blank=True)
    number = models.PositiveIntegerField()
    suffixes = models.CharField(
        max_length=60, blank=True, help_text=_("Revisions, corrigenda, addenda: Rev.1/Corr.1.")
    )
    title = models.CharField(max_length=500)
    issued_on = models.DateField(null=True, blank=True)
    submitted_by = models.CharField(
        max_length=12, choices=Submitter.choices, default=Submitter.SECRETARIAT
    )
    submitting_states = models.ManyToManyField(
        State,
        blank=True,
        related_name="documents",
        help_text=_("The States that submitted it (or the President's or coordinator's State)."),
    )
    agenda_items = models.ManyToManyField(AgendaItem, blank=True, related_name="documents")
    status = models.CharField(
        max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.ISSUED
    )
    revises = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
        help_text=_("The document a Rev., Corr. or Add. changes."),
    )
    source = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[submitting_states, agenda_items])

    class Meta:
        ordering = ["symbol"]
        indexes = [models.Index(fields=["meeting", "series", "number"])]
        constraints = [
            models.CheckConstraint(name="document_number_from_1", condition=Q(number__gte=1)),
            models.CheckConstraint(
                name="document_revises_iff_suffixed",
                condition=(Q(suffixes="") & Q(revises__isnull=True))
                | (~Q(suffixes="") & Q(revises__isnull=False)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} {self.title}"

    @property
    def original_language(self) -> str:
        """The site's code of the language it was submitted in (its original version's);
        English where no version is marked original (core/translations.py reads it)."""
        for version in self.versions.all():
            if version.is_original:
                return site_language(version.language)
        return "en"

    @property
    def translations(self) -> dict:
        """`{"fr": {"title": ...}}`: the titles its language versions print, by the site's
        language codes (read from the versions, prefetched by the selectors)."""
        return {
            site_language(version.language): {"title": version.title}
            for version in self.versions.all()
            if version.title and not version.is_original
        }

    @property
    def file_stem(self) -> str:
        """The symbol as a file name: CCM_CONF_2020_CRP.8_Rev.1."""
        return self.symbol.replace("/", "_")


class LanguageVersion(models.Model):
    """The file of a document in one language; replacing it keeps the earlier file in history."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(max_length=2, choices=Language.choices)
    is_original = models.BooleanField(
        default=False, help_text=_("The language the document was submitted in.")
    )
    title = models.CharField(
        max_length=500,
        blank=True,
        help_text=_("The title as this version prints it; blank: the document's title."),
    )
    file = models.FileField(max_length=300)
    size = models.PositiveBigIntegerField()
    content_type = models.CharField(max_length=100)
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="one_version_per_language"
            ),
            models.UniqueConstraint(
                fields=["document"], condition=Q(is_original=True), name="one_original_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.symbol} ({self.language})"

    @property
    def extension(self) -> str:
        return "docx" if self.content_type == DOCX_CONTENT_TYPE else "pdf"

    @property
    def download_name(self) -> str:
        """CCM_CONF_2020_CRP.8_Rev.1_fr.pdf"""
        return f"{self.document.file_stem}_{self.language}.{self.extension}"


PDF_CONTENT_TYPE = "application/pdf"
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
