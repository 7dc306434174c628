// Pins: numbering inside nested regions of unregistered ops within a function.
func.func @f(%a: i32) -> i32 {
  %0 = "x.outer"(%a) ({
  ^bb0(%b: i32):
    %1 = "x.inner"(%b) : (i32) -> i32
    "x.yield"(%1) : (i32) -> ()
  }, {
    %2 = "x.other"() : () -> i32
    "x.yield"(%2) : (i32) -> ()
  }) : (i32) -> i32
  return %0 : i32
}
