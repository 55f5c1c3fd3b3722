"""Today's `User.role/state/organisation` become role grants under the CCM.

Before this, a role applied to every convention, and the CCM was the only one: each
user's role is granted under the CCM from the day they joined. Observers are not moved:
observer was the default, and a signed-in user reads what an observer reads. A migrated
Delegation gets the function "delegate"; the Secretariat names the focal points.
"""

from django.db import migrations

REASON = "Moved from the user's role when roles became per convention (migration core 0005)."


def forwards(apps, schema_editor):
    User = apps.get_model("core", "User")
    RoleGrant = apps.get_model("core", "RoleGrant")
    Convention = apps.get_model("treaties", "Convention")
    users = User.objects.exclude(role="observer").order_by("pk")
    if not users.exists():
        return
    ccm, _ = Convention.objects.get_or_create(short_name="CCM")
    RoleGrant.objects.bulk_create(
        RoleGrant(
            user=user,
            convention=ccm,
            role=user.role,
            state_id=user.state_id,
            organisation_id=user.organisation_id,
            function="delegate" if user.role == "delegation" else "",
            starts_on=user.date_joined.date(),
            reason=REASON,
        )
        for user in users
    )


def backwards(apps, schema_editor):
    User = apps.get_model("core", "User")
    RoleGrant = apps.get_model("core", "RoleGrant")
    for grant in RoleGrant.objects.filter(convention__short_name="CCM", ends_on__isnull=True).order_by("pk"):
        User.objects.filter(pk=grant.user_id).update(
            role=grant.role, state_id=grant.state_id, organisation_id=grant.organisation_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_role_grants"),
        ("treaties", "0002_formerstatename_seen_in_use_on_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
