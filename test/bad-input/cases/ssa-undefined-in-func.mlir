// ARGS: --allow-unregistered-dialect
// ERROR: 5:9: use of undeclared SSA value name
// use of a value that is never defined (SSACFG region)
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "x.a"(%nope) : (i32) -> ()
  "func.return"() : () -> ()
}) : () -> ()
