// Pins: generic-form func ops print in custom form, with `return` unprefixed inside func.func.
"func.func"() <{function_type = (i32) -> i32, sym_name = "id", res_attrs = [{foo.r}]}> ({
^bb0(%x: i32):
  "func.return"(%x) : (i32) -> ()
}) : () -> ()
