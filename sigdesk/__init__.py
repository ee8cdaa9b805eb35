"""sigdesk — an offline caseload tool for sociala insatsgrupper (SIG)."""

__version__ = "0.1.0"
