// Pins: inside an unregistered op the default dialect is empty, so ops keep their prefix.
func.func @f() {
  "x.r"() ({
    cf.br ^bb1
  ^bb1:
    %0 = builtin.unrealized_conversion_cast to i32
    "x.t"() : () -> ()
  }) : () -> ()
  return
}
