// Pins: an explicit empty module.
module {
}
