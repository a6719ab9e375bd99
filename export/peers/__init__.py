"""Peers for `latentpad bench`: RAVE's v2 decoder (acids-rave) and a mel + Griffin-Lim render,
timed against our decoder. Torch side; the server runs `python -m export.peers` as a subprocess
and reads its JSON, so it never imports torch itself."""
