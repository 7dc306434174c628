// Pins: a func body ending in an unregistered op, and attributes on ops inside.
func.func @f() {
  "x.term"() {foo = 1 : i32} : () -> ()
}
