// Pins: an explicit module alongside alias definitions.
!t = i32
module {
  "x.a"() : () -> !t
}
