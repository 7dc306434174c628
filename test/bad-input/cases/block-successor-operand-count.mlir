// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: branch has 0 operands for successor #0, but target block has 1
// branch passes no value to a block with one argument
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "cf.br"()[^bb1] : () -> ()
^bb1(%a: i32):
  "func.return"() : () -> ()
}) : () -> ()
