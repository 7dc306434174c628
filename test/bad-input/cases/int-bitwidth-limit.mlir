// ARGS: --allow-unregistered-dialect
// ERROR: 4:17: integer bitwidth is limited to 16777215 bits
// integer types are limited to 16777215 bits
"x.a"() : () -> i16777216
