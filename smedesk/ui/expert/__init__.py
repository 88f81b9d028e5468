"""The expert's screens that the expert workspace places: the conflict-of-interest
declaration asked before a sheet opens, and the opinion-sheet editor."""
