// Pins: a named module with attributes.
module @"m n" attributes {x.k = "v"} {
}
