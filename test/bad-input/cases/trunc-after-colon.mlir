// ARGS: --allow-unregistered-dialect
// ERROR: 4:10: expected non-function type
// file ends after the ':' that introduces the function type
"x.a"() :
