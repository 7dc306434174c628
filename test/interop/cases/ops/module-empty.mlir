// Pins: an empty input prints an empty module.
