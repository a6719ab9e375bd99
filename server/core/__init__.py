"""core: the pure heart of the server, the lowest room.

Lives here: the OSC protocol table and its decode/encode (`protocol`), the request values
(`requests`), the named errors (`errors`), the frozen settings (`config`), the performance state
(`engine`), drum patterns and their MIDI files (`patterns`, `groove_midi`), controller maps
(`controllers`) and reading a user's sound file (`sample_io`).

May import: the standard library, numpy and the wire/file libraries (python-osc's builder, mido,
soundfile, soxr), and other `server.core` modules. Nothing from any other room: no models,
threads, sockets or ports.
"""
