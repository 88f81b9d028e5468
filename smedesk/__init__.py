"""smedesk: the offline desktop tool for the SME public-service demonstration platform programme."""

__version__ = "0.1.0"
