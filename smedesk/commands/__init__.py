"""Sub-commands of the ``smedesk`` CLI, one module each.

Every module here defines ``register(subparsers)`` adding its sub-command(s) with a
handler ``func(args) -> int``; ``smedesk.cli`` discovers the modules, so a feature
adds its command without editing the CLI's core. Handlers import heavy libraries
(ReportLab, openpyxl, Qt) inside the function so that ``smedesk --version`` stays fast.
"""
