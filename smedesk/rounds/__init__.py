"""A recommending authority's round: its applications, their states, deadlines and checks.

Decisions, in pure Python (no Qt, no SQLAlchemy): the procedure's states (``procedure``),
working days (``calendar``), deadlines (``deadlines``), the round's rules and cross-checks
(``checks``), the survey draw (``draw``). Flows over the store and the export: ``service``
(rounds kept by ``store.rounds``), ``importing`` (applications from 申报包 into a round),
``overview`` (what the round screen shows), ``paper`` (the paper check of a stored document,
pages matched by ``export.paper``), ``submission`` (written by ``export.submission``).
The UI shows them (``ui.workspaces.recommender``).
"""
