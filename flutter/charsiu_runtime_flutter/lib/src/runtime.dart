import 'dart:ffi' as ffi;

import 'package:ffi/ffi.dart' show Utf8, Utf8Pointer;

import 'chrt_bindings.g.dart';
import 'native_library.dart';

/// A failed runtime call: the chrt_status [code], its [name]
/// (`CHRT_ERR_VERSION`) and the runtime's detail [message].
class ChrtException implements Exception {
  const ChrtException(this.code, this.name, this.message);

  final int code;
  final String name;
  final String message;

  @override
  String toString() => 'ChrtException($name): $message';
}

/// The runtime library this app loaded. All members are cheap and may be
/// used from any isolate.
abstract final class CharsiuRuntime {
  static final ChrtBindings _b = ChrtBindings(openPluginLibrary('charsiu_runtime'));

  /// Version of the loaded runtime: (major << 16) | (minor << 8) | patch.
  static int get version => _b.chrt_version();

  /// The same as "major.minor.patch".
  static String get versionString => _b.chrt_version_string().cast<Utf8>().toDartString();

  /// The version of the runtime headers these bindings were generated from.
  static const int bindingsVersion =
      (CHRT_VERSION_MAJOR << 16) | (CHRT_VERSION_MINOR << 8) | CHRT_VERSION_PATCH;

  /// Address unique to the loaded copy of the runtime. A model plugin whose
  /// `runtimeInstance` equals this one shares this runtime (one copy per app).
  static int get instance => _b.chrt_instance().address;

  /// Instruction set the kernels dispatched to ("neon", "avx2", "scalar", ...).
  static String get kernelIsa => _b.chrt_kernel_isa().cast<Utf8>().toDartString();

  /// Throws [ChrtException] (`CHRT_ERR_VERSION`) unless the loaded runtime
  /// can serve code built against [major].[minor].
  static void checkVersion(int major, int minor) {
    final status = _b.chrt_check_version(major, minor);
    if (status != chrt_status.CHRT_OK) {
      throw ChrtException(
        status,
        _b.chrt_status_name(status).cast<Utf8>().toDartString(),
        _b.chrt_last_error().cast<Utf8>().toDartString(),
      );
    }
  }
}
