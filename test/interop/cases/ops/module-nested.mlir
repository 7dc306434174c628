// Pins: a module nested inside a module.
module @outer {
  module @inner {
    "x.a"() : () -> ()
  }
}
