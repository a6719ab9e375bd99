"""Melody continuation: a small compound-word (CP) transformer over monophonic folk melodies."""
