"""io: the transports between the server and the world.

Lives here: OSC over UDP (`osc`), MIDI in (`midi`), timed MIDI out (`midi_schedule`), the clocks
(`clock` internal, `midi_clock`, `link`) and what plays on them (`sequencer`, `transport`), the
standalone voices (`audio`) and a private JACK server for tests and the bench (`jackd`).

May import: `server.core`, `server.presets` and `server.workers`. Not app, cli or tools.
"""
