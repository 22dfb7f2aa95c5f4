"""The `samordna` console script: Django's manage.py for this project.

Project commands are spelt with hyphens on the command line (`samordna import-protocol`)
while Django names commands after their modules, so hyphens are mapped to underscores.
"""
import os
import sys

# Commands outside any Django app's management/commands: the command's name → its BaseCommand class.
OWN_COMMANDS = {
    "backup": "samordna.backup.commands.BackupCommand",
    "restore": "samordna.backup.commands.RestoreCommand",
}


def main(argv=None):
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samordna.settings")
    if len(argv) > 1 and "-" in argv[1] and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    if len(argv) > 1 and argv[1] in OWN_COMMANDS:
        import django
        from django.utils.module_loading import import_string

        django.setup()
        import_string(OWN_COMMANDS[argv[1]])().run_from_argv(argv)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
