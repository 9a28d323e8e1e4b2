import 'dart:async';
import 'dart:ffi' as ffi;

import 'package:ffi/ffi.dart' show Utf8, Utf8Pointer;

import 'assets.dart';
import 'native_calls.dart';
import 'options.dart';
import 'result.dart';
import 'worker.dart';

/// A loaded G2P model.
///
/// Loading and phonemizing run on a long-lived worker isolate, so the UI
/// isolate never waits on native code. The model itself lives in native
/// memory owned by this object: [dispose] frees it as soon as the calls in
/// flight have finished; if an app forgets to, a [ffi.NativeFinalizer] frees
/// it once this object is garbage-collected (never while a call is running:
/// each call keeps the object reachable until its answer arrives).
///
/// Any number of calls may be in flight on one model at once.
class CharsiuG2p implements ffi.Finalizable {
  CharsiuG2p._(this._worker, this._handles) {
    final f = _Finalizers.instance;
    f.model.attach(this, ffi.Pointer.fromAddress(_handles.model), detach: this);
    if (_handles.lexicon != 0) {
      f.lexicon.attach(this, ffi.Pointer.fromAddress(_handles.lexicon), detach: this);
    }
    if (_handles.cache != 0) {
      f.cache.attach(this, ffi.Pointer.fromAddress(_handles.cache), detach: this);
    }
  }

  final G2pWorker _worker;
  final NativeHandles _handles;
  int _inFlight = 0;
  Completer<void>? _drained;
  bool _disposed = false;

  /// Loads a CharsiuG2P checkpoint folder (config.json plus model.safetensors
  /// or pytorch_model.bin) from the file system.
  ///
  /// [lexiconPath]: a compiled lexicon file whose entries answer before the
  /// model. [cacheBytes] > 0: keep a cache of recent answers of at most that
  /// many bytes. Both need charsiug2p 0.2.
  ///
  /// Throws [ModelLoadException] (missing or malformed files, incompatible
  /// runtime) or [G2pArgumentException].
  static Future<CharsiuG2p> load(String directory,
      {String? lexiconPath, int cacheBytes = 0}) async {
    final worker = await G2pWorker.acquire();
    try {
      return CharsiuG2p._(worker, await worker.load(directory, lexiconPath, cacheBytes));
    } catch (_) {
      worker.release();
      rethrow;
    }
  }

  /// Loads a model bundled as Flutter assets: copies [assetDir]'s
  /// config.json and model.safetensors to a writable folder (once; see
  /// [copyModelAssets]) and loads it from there. The default is the model
  /// this package ships.
  static Future<CharsiuG2p> loadAsset(
      {String assetDir = defaultModelAsset, String? lexiconPath, int cacheBytes = 0}) async {
    final dir = await copyModelAssets(assetDir);
    return load(dir.path, lexiconPath: lexiconPath, cacheBytes: cacheBytes);
  }

  /// Phonemizes [words], all in language [lang] (a code from [languages]).
  ///
  /// Completes with one [G2pWordResult] per word, in order. A bad word
  /// (empty, invalid, too long, unknown language) gets its own error and the
  /// others still get their answers. Throws [G2pArgumentException] for bad
  /// [options], [StateError] after [dispose].
  Future<List<G2pWordResult>> phonemize(List<String> words, String lang,
          {G2pOptions options = const G2pOptions()}) =>
      _run(words, [lang], options);

  /// Like [phonemize], with a language per word (`langs[i]` for `words[i]`).
  Future<List<G2pWordResult>> phonemizeMixed(List<String> words, List<String> langs,
      {G2pOptions options = const G2pOptions()}) {
    if (langs.length != words.length) {
      throw ArgumentError('${langs.length} languages for ${words.length} words');
    }
    return _run(words, langs, options);
  }

  Future<List<G2pWordResult>> _run(List<String> words, List<String> langs, G2pOptions options) async {
    if (_disposed) throw StateError('CharsiuG2p used after dispose()');
    if (words.isEmpty) return const [];
    _inFlight++;
    try {
      return await _worker.phonemize(
          _handles, List.of(words), List.of(langs), options, this);
    } finally {
      if (--_inFlight == 0) _drained?.complete();
    }
  }

  /// Frees the model once the calls in flight have finished. Later calls
  /// throw [StateError]; calling dispose again does nothing.
  Future<void> dispose() async {
    if (_disposed) return;
    _disposed = true;
    if (_inFlight > 0) {
      _drained = Completer<void>();
      await _drained!.future;
    }
    final f = _Finalizers.instance;
    f.model.detach(this);
    if (_handles.lexicon != 0) f.lexicon.detach(this);
    if (_handles.cache != 0) f.cache.detach(this);
    f.native.free(_handles);
    _worker.release();
  }

  /// A short description of the model for logs.
  String get description {
    if (_disposed) throw StateError('CharsiuG2p used after dispose()');
    final b = _Finalizers.instance.native.b;
    return b.charsiug2p_model_describe(ffi.Pointer.fromAddress(_handles.model)).cast<Utf8>().toDartString();
  }

  /// The language codes the CharsiuG2P checkpoints know, plus "unk".
  static List<String> get languages => _Finalizers.instance.native.languages();

  /// Names accepted by [G2pOptions.phonemeSet] (empty before charsiug2p 0.2).
  static List<String> get phonemeSets => _Finalizers.instance.native.phonemeSets();

  /// Version of the loaded charsiug2p library ("0.2.0").
  static String get libraryVersion => _Finalizers.instance.native.b
      .charsiug2p_version_string()
      .cast<Utf8>()
      .toDartString();

  /// The runtime instance the G2P library runs on; equal to
  /// `CharsiuRuntime.instance` when the app carries one shared runtime.
  static int get runtimeInstance =>
      _Finalizers.instance.native.b.charsiug2p_runtime_instance().address;
}

/// The UI isolate's bindings and one NativeFinalizer per free function.
/// (Lazy: a 0.1 library has no lexicon or cache functions to look up.)
class _Finalizers {
  _Finalizers._(this.native);

  static final _Finalizers instance = _Finalizers._(NativeG2p());

  final NativeG2p native;
  late final ffi.NativeFinalizer model =
      ffi.NativeFinalizer(native.b.addresses.charsiug2p_model_free.cast());
  late final ffi.NativeFinalizer lexicon =
      ffi.NativeFinalizer(native.b.addresses.charsiug2p_lexicon_free.cast());
  late final ffi.NativeFinalizer cache =
      ffi.NativeFinalizer(native.b.addresses.charsiug2p_cache_free.cast());
}
