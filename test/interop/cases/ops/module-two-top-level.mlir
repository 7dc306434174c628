// Pins: two top-level modules get wrapped in an implicit module.
module @a {
}
module @b {
}
