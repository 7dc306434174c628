// ARGS:
// ERROR: 5:51: expected attribute name
// a moe.dispatch cut off at the end of the file
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4,
