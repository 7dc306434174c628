// ARGS: --allow-unregistered-dialect
// ERROR: 4:5: expected '"' in string literal
// file ends inside the quoted op name
"x.a