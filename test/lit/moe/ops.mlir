// The moe ops' custom forms round-trip, and their generic form is what
// mlir-opt-22 reads and prints back (it knows no moe dialect: the ops stay
// unregistered there), so moe IR can pass through MLIR tools.
// RUN: hpmoe-opt %s --split-input-file | FileCheck %s
// RUN: hpmoe-opt %s --split-input-file | hpmoe-opt --split-input-file | FileCheck %s
// RUN: hpmoe-opt %s --split-input-file --mlir-print-op-generic | hpmoe-opt --split-input-file | FileCheck %s
// RUN: hpmoe-opt %s --split-input-file --mlir-print-op-generic \
// RUN:   | mlir-opt --split-input-file --allow-unregistered-dialect --mlir-print-op-generic \
// RUN:   | hpmoe-opt --split-input-file | FileCheck %s
// RUN: hpmoe-opt %s --split-input-file --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// CHECK-LABEL: func.func @forward(
// CHECK-SAME:    %[[X:.*]]: tensor<16x32xbf16>, %[[IDS:.*]]: tensor<16x2xi32>, %[[P:.*]]: tensor<16x2xf32>, %[[W13:.*]]: tensor<2x32x24xbf16>, %[[W2:.*]]: tensor<2x12x32xbf16>)
// CHECK:       %[[R:.*]]:2 = moe.dispatch %[[X]], %[[IDS]] {ep = 2 : i64, experts = 4 : i64, rank = 1 : i64} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
// CHECK:       %[[H:.*]] = moe.gmm %[[R]]#0, %[[W13]], %[[R]]#1 : tensor<?x32xbf16>, tensor<2x32x24xbf16> -> tensor<?x24xbf16>
// CHECK:       %[[A:.*]] = moe.swiglu %[[H]] : tensor<?x24xbf16> -> tensor<?x12xbf16>
// CHECK:       %[[Y:.*]] = moe.gmm %[[A]], %[[W2]], %[[R]]#1 : tensor<?x12xbf16>, tensor<2x12x32xbf16> -> tensor<?x32xbf16>
// CHECK:       %[[OUT:.*]] = moe.combine %[[Y]], %[[R]]#1, %[[P]] : tensor<?x32xbf16>, tensor<16x2xf32> -> tensor<16x32xbf16>
// CHECK:       return %[[OUT]] : tensor<16x32xbf16>
// GENERIC-LABEL: sym_name = "forward"
// GENERIC: "moe.dispatch"(%{{.*}}, %{{.*}}) <{ep = 2 : i64, experts = 4 : i64, rank = 1 : i64}> : (tensor<16x32xbf16>, tensor<16x2xi32>) -> (tensor<?x32xbf16>, !moe.route)
// GENERIC: "moe.gmm"(%{{.*}}, %{{.*}}, %{{.*}}) : (tensor<?x32xbf16>, tensor<2x32x24xbf16>, !moe.route) -> tensor<?x24xbf16>
// GENERIC: "moe.swiglu"(%{{.*}}) : (tensor<?x24xbf16>) -> tensor<?x12xbf16>
// GENERIC: "moe.combine"(%{{.*}}, %{{.*}}, %{{.*}}) : (tensor<?x32xbf16>, !moe.route, tensor<16x2xf32>) -> tensor<16x32xbf16>
func.func @forward(%x: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %p: tensor<16x2xf32>, %w13: tensor<2x32x24xbf16>, %w2: tensor<2x12x32xbf16>) -> tensor<16x32xbf16> {
  %recv, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 1} : tensor<16x32xbf16>, tensor<16x2xi32> -> tensor<?x32xbf16>
  %h = moe.gmm %recv, %w13, %route : tensor<?x32xbf16>, tensor<2x32x24xbf16> -> tensor<?x24xbf16>
  %a = moe.swiglu %h : tensor<?x24xbf16> -> tensor<?x12xbf16>
  %y = moe.gmm %a, %w2, %route : tensor<?x12xbf16>, tensor<2x12x32xbf16> -> tensor<?x32xbf16>
  %out = moe.combine %y, %route, %p : tensor<?x32xbf16>, tensor<16x2xf32> -> tensor<16x32xbf16>
  return %out : tensor<16x32xbf16>
}

// -----

// CHECK-LABEL: func.func @backward(
// CHECK:       %[[DY:.*]]:2 = moe.combine_grad %{{.*}}, %{{.*}}, %{{.*}} {counts = dense<{{\[\[}}8, 8, 8, 8], [16, 0, 16, 0]]> : tensor<2x4xi32>, ep = 2 : i64, experts = 4 : i64, rank = 0 : i64} : tensor<16x32xbf16>, tensor<16x2xi32>, tensor<16x2xf32> -> tensor<?x32xbf16>
// CHECK:       %[[DA:.*]] = moe.gmm_grad_lhs %[[DY]]#0, %{{.*}}, %[[DY]]#1 : tensor<?x32xbf16>, tensor<2x12x32xbf16> -> tensor<?x12xbf16>
// CHECK:       moe.gmm_grad_weight %{{.*}}, %[[DY]]#0, %[[DY]]#1 : tensor<?x12xbf16>, tensor<?x32xbf16> -> tensor<2x12x32xf32>
// CHECK:       %[[DH:.*]] = moe.swiglu_grad %{{.*}}, %[[DA]] : tensor<?x24xbf16>, tensor<?x12xbf16>
// CHECK:       %[[DXR:.*]] = moe.gmm_grad_lhs %[[DH]], %{{.*}}, %[[DY]]#1 : tensor<?x24xbf16>, tensor<2x32x24xbf16> -> tensor<?x32xbf16>
// CHECK:       moe.gmm_grad_weight %{{.*}}, %[[DH]], %[[DY]]#1 : tensor<?x32xbf16>, tensor<?x24xbf16> -> tensor<2x32x24xf32>
// CHECK:       moe.dispatch_grad %[[DXR]], %[[DY]]#1 : tensor<?x32xbf16> -> tensor<16x32xbf16>
// GENERIC-LABEL: sym_name = "backward"
// GENERIC: "moe.combine_grad"(%{{.*}}, %{{.*}}, %{{.*}}) <{counts = dense<{{\[\[}}8, 8, 8, 8], [16, 0, 16, 0]]> : tensor<2x4xi32>, ep = 2 : i64, experts = 4 : i64, rank = 0 : i64}> : (tensor<16x32xbf16>, tensor<16x2xi32>, tensor<16x2xf32>) -> (tensor<?x32xbf16>, !moe.route)
// GENERIC: "moe.swiglu_grad"(%{{.*}}, %{{.*}}) : (tensor<?x24xbf16>, tensor<?x12xbf16>) -> tensor<?x24xbf16>
// GENERIC: "moe.dispatch_grad"(%{{.*}}, %{{.*}}) : (tensor<?x32xbf16>, !moe.route) -> tensor<16x32xbf16>
func.func @backward(%dout: tensor<16x32xbf16>, %ids: tensor<16x2xi32>, %p: tensor<16x2xf32>, %w13: tensor<2x32x24xbf16>, %w2: tensor<2x12x32xbf16>,
                    %xin: tensor<?x32xbf16>, %h: tensor<?x24xbf16>, %a: tensor<?x12xbf16>) -> (tensor<16x32xbf16>, tensor<2x32x24xf32>, tensor<2x12x32xf32>) {
  %dy, %route = moe.combine_grad %dout, %ids, %p {experts = 4, ep = 2, rank = 0, counts = dense<[[8, 8, 8, 8], [16, 0, 16, 0]]> : tensor<2x4xi32>}
      : tensor<16x32xbf16>, tensor<16x2xi32>, tensor<16x2xf32> -> tensor<?x32xbf16>
  %da = moe.gmm_grad_lhs %dy, %w2, %route : tensor<?x32xbf16>, tensor<2x12x32xbf16> -> tensor<?x12xbf16>
  %dw2 = moe.gmm_grad_weight %a, %dy, %route : tensor<?x12xbf16>, tensor<?x32xbf16> -> tensor<2x12x32xf32>
  %dh = moe.swiglu_grad %h, %da : tensor<?x24xbf16>, tensor<?x12xbf16>
  %dxr = moe.gmm_grad_lhs %dh, %w13, %route : tensor<?x24xbf16>, tensor<2x32x24xbf16> -> tensor<?x32xbf16>
  %dw13 = moe.gmm_grad_weight %xin, %dh, %route : tensor<?x32xbf16>, tensor<?x24xbf16> -> tensor<2x32x24xf32>
  %dx = moe.dispatch_grad %dxr, %route : tensor<?x32xbf16> -> tensor<16x32xbf16>
  return %dx, %dw13, %dw2 : tensor<16x32xbf16>, tensor<2x32x24xf32>, tensor<2x12x32xf32>
}

// -----

// The route may arrive as a block argument: the ops then check only their own shapes.
// CHECK-LABEL: func.func @route_argument(
// CHECK:       moe.gmm %{{.*}}, %{{.*}}, %{{.*}} : tensor<?x8xbf16>, tensor<3x8x4xbf16> -> tensor<?x4xbf16>
func.func @route_argument(%rows: tensor<?x8xbf16>, %w: tensor<3x8x4xbf16>, %route: !moe.route) -> tensor<?x4xbf16> {
  %h = moe.gmm %rows, %w, %route : tensor<?x8xbf16>, tensor<3x8x4xbf16> -> tensor<?x4xbf16>
  return %h : tensor<?x4xbf16>
}
