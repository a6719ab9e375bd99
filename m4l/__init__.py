"""The latentpad Max for Live devices: patch generators, .amxd container build, layout pictures."""
