// ARGS: --allow-unregistered-dialect
// ERROR: 4:27: integer constant out of range
// dense array element does not fit i8
"x.a"() {v = array<i8: 300>} : () -> ()
