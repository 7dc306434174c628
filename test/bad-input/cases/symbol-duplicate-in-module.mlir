// ARGS: --allow-unregistered-dialect
// ERROR: 6:3: redefinition of symbol named 'g'
// two declarations @g in an explicit module
module {
  "func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = "private"}> ({}) : () -> ()
  "func.func"() <{function_type = () -> (), sym_name = "g", sym_visibility = "private"}> ({}) : () -> ()
}
