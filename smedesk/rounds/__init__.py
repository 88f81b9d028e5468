"""A recommending authority's round: its applications, their states, deadlines and checks.

Pure Python (no Qt, no SQLAlchemy): the store keeps rounds (``smedesk.rounds.service``), the UI
shows them (``smedesk.ui.workspaces.recommender``); everything that decides something — the
procedure's states, working days, deadlines, the random draw, the round's rules and
cross-checks, the paper check's matching — lives here, so it is tested without either.
"""
