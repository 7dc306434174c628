// ARGS:
// ERROR: 5:71: expected non-function type
// moe.dispatch with a non-type where its operand type goes
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : 42, tensor<4x2xi32> -> tensor<?x8xbf16>
  return
}
