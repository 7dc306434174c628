// ARGS: --allow-unregistered-dialect
// ERROR: 4:19: expected operation name in quotes
// the back-up passes blank lines and comment-only lines
"x.a"() : () -> () // trailing comment

// a comment line

)
