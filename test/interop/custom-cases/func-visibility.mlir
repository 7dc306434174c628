// Pins: nested and public visibility keywords and a single function-typed result.
func.func nested @g() -> ((i32) -> i32) {
  %q = "x.q"() : () -> ((i32) -> i32)
  return %q : (i32) -> i32
}
func.func public @h() {
  return
}
