// Pins: named modules module @m.
module @m {
  "x.a"() : () -> ()
}
