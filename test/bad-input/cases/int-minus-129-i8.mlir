// ARGS: --allow-unregistered-dialect
// ERROR: 4:15: integer constant out of range for attribute
// -129 does not fit i8
"x.a"() {v = -129 : i8} : () -> ()
