// ARGS: --allow-unregistered-dialect
// ERROR: 8:1: redefinition of block '^bb1'
// two blocks with the same label
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "cf.br"()[^bb1] : () -> ()
^bb1:
  "cf.br"()[^bb1] : () -> ()
^bb1:
  "func.return"() : () -> ()
}) : () -> ()
