"""Reviewing: a session of uploaded reports and their corrections (session.py), kept in SQLite (corrections.py)."""
