// ARGS: --allow-unregistered-dialect
// ERROR: 4:15: negative integer literal not valid for unsigned integer type
// negative literal with an unsigned type
"x.a"() {v = -1 : ui8} : () -> ()
