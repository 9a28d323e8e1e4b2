import 'dart:ffi' as ffi;
import 'dart:io' show Platform;

/// Opens the native library `name` of a plugin built on the chrt runtime
/// (`charsiu_runtime`, `charsiug2p`, ...).
///
/// Android and Linux: `lib<name>.so`, found by the system loader in the app's
/// native library folder (the runtime library it needs is found the same way).
/// iOS: the static libraries are linked (force-loaded) into the app or into
/// the plugins' frameworks, so every symbol is already in the process.
///
/// Throws [UnsupportedError] on other platforms and the loader's
/// [ArgumentError] when the library is missing.
ffi.DynamicLibrary openPluginLibrary(String name) {
  if (Platform.isIOS) {
    return ffi.DynamicLibrary.process();
  }
  if (Platform.isAndroid || Platform.isLinux) {
    return ffi.DynamicLibrary.open('lib$name.so');
  }
  throw UnsupportedError('$name: no native library for ${Platform.operatingSystem}');
}
