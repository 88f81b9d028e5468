"""The recommending authority's round screens (used by ``workspaces.recommender``)."""
