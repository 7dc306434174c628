// ARGS: --allow-unregistered-dialect
// ERROR: 6:3: 'x.b' op using value defined outside the region
// func.func is IsolatedFromAbove: it cannot use a value from outside
%0 = "x.a"() : () -> i32
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "x.b"(%0) : (i32) -> ()
  "func.return"() : () -> ()
}) : () -> ()
