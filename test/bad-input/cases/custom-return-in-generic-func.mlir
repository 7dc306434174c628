// ARGS: --allow-unregistered-dialect
// ERROR: 5:3: custom op 'return' is unknown (tried 'builtin.return' as well)
// an unprefixed return inside a generic func.func (the generic form keeps the outer default dialect)
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
  return
}) : () -> ()
