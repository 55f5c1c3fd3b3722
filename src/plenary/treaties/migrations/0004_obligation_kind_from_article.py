# Each obligation's neutral code from its article, as its convention's file numbers it
# (CCM: "3" is stockpile_destruction, "4" is clearance), history rows included.

from django.db import migrations

from plenary.rules.conventions import get_ruleset

ROW_KINDS = ("stockpile_destruction", "clearance")


def _conventions(apps):
    Convention = apps.get_model("treaties", "Convention")
    return {pk: get_ruleset(name) for pk, name in Convention.objects.values_list("pk", "short_name")}


def article_to_kind(apps, schema_editor):
    rules = _conventions(apps)
    for model in ("Obligation", "HistoricalObligation"):
        Model = apps.get_model("treaties", model)
        for pk, convention_id, article in Model._base_manager.values_list(
            "pk", "convention_id", "article"
        ):
            kinds = [
                rule.kind
                for rule in rules[convention_id].obligations
                if rule.article == article and rule.kind in ROW_KINDS
            ]
            if len(kinds) != 1:
                raise ValueError(
                    f"{model} {pk}: Article {article} of the "
                    f"{rules[convention_id].short_name} is no stockpile or clearance obligation"
                )
            Model._base_manager.filter(pk=pk).update(kind=kinds[0])


def kind_to_article(apps, schema_editor):
    rules = _conventions(apps)
    for model in ("Obligation", "HistoricalObligation"):
        Model = apps.get_model("treaties", model)
        for pk, convention_id, kind in Model._base_manager.values_list(
            "pk", "convention_id", "kind"
        ):
            article = rules[convention_id].obligation(kind).article
            Model._base_manager.filter(pk=pk).update(article=article)


class Migration(migrations.Migration):

    dependencies = [
        ("treaties", "0003_obligation_kind"),
    ]

    operations = [
        migrations.RunPython(article_to_kind, kind_to_article),
    ]
