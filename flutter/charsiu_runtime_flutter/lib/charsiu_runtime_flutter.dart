/// The chrt runtime shared by on-device model plugins.
///
/// Model plugins (charsiug2p_flutter, and others built the same way) depend
/// on this package so that an app carries one copy of the runtime library:
/// `libcharsiu_runtime.so` on Android, a force-loaded static library on iOS.
/// Apps use it to check versions and that plugins share one runtime.
library charsiu_runtime_flutter;

export 'src/native_library.dart' show openPluginLibrary;
export 'src/runtime.dart' show CharsiuRuntime, ChrtException;
