// ARGS: --allow-unregistered-dialect
// ERROR: 4:4: expected identifier key in file metadata dictionary
// '{-#' and nothing else
{-#
