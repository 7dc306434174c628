// ARGS: --allow-unregistered-dialect
// ERROR: 5:1: empty block: expect at least a terminator
// func.func whose body is one block without ops (the custom-syntax variant, '{ }' body,
// returns with the func dialect's assembly format)
"func.func"() <{function_type = () -> (), sym_name = "f"}> ({
^bb0:
}) : () -> ()
