// ARGS: --allow-unregistered-dialect
// ERROR: 4:5: expected operation name in quotes
// file ends after `%0 =`
%0 = 