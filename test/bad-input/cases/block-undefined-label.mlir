// ARGS: --allow-unregistered-dialect
// ERROR: 5:13: reference to an undefined block
// branch to a block that does not exist
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "cf.br"()[^bb9] : () -> ()
}) : () -> ()
