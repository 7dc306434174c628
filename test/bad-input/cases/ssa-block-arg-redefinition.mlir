// ARGS: --allow-unregistered-dialect
// ERROR: 5:15: redefinition of SSA value '%a'
// two block arguments with the same name
"x.a"() ({
^bb0(%a: i32, %a: i32):
  "x.b"() : () -> ()
}) : () -> ()
