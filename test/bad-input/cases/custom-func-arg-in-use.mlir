// ARGS: --allow-unregistered-dialect
// ERROR: 5:14: region entry argument '%n' is already in use
// func.func argument named like a value defined above it
%n = "x.v"() : () -> i32
func.func @f(%n: i32) {
  return
}
