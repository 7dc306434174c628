// ARGS: --allow-unregistered-dialect
// ERROR: 7:1: redefinition of symbol named 'f'
// two func.func @f in the implicit module
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "func.return"() : () -> ()
}) : () -> ()
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  "func.return"() : () -> ()
}) : () -> ()
