"""The `plenary` command: Django's management commands with plenary's settings."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "plenary.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["plenary", *sys.argv[1:]])


if __name__ == "__main__":
    main()
