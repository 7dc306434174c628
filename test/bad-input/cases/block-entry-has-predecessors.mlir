// ARGS: --allow-unregistered-dialect
// ERROR: 4:1: entry block of region may not have predecessors
// a branch back to the entry block
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
^bb0:
  "cf.br"()[^bb0] : () -> ()
}) : () -> ()
