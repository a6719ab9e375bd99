"""Reference models the shipped ones are measured against (issue 3): trained and evaluated here,
never shipped in a bundle."""
