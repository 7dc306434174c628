// ARGS: --allow-unregistered-dialect
// ERROR: 5:7: use of value '%0' expects different type than prior uses: 'i32' vs 'i64'
// two forward uses disagree on the type
"x.b"(%0) : (i64) -> ()
"x.c"(%0) : (i32) -> ()
%0 = "x.a"() : () -> i64
