// ARGS: --allow-unregistered-dialect
// ERROR: 7:1: redefinition of symbol named 'h'
// two generic-form func.func with the same sym_name
"func.func"() <{sym_name = "h", function_type = () -> ()}> ({
  "func.return"() : () -> ()
}) : () -> ()
"func.func"() <{sym_name = "h", function_type = () -> ()}> ({
  "func.return"() : () -> ()
}) : () -> ()
