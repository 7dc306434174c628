// Pins: the custom module syntax parses to the same root.
module {
  "x.a"() : () -> ()
}
