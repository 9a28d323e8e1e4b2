// Every C call the plugin makes, in order, on the worker isolate.
// tests/abi/ctypes_test.py replays exactly this sequence against the built
// library (from Python, with the signatures of charsiug2p_bindings.g.dart):
// change both together.
import 'dart:convert' show utf8;
import 'dart:ffi' as ffi;

import 'package:charsiu_runtime_flutter/charsiu_runtime_flutter.dart' show openPluginLibrary;
import 'package:ffi/ffi.dart';

import 'charsiug2p_bindings.g.dart';
import 'errors.dart';
import 'options.dart';
import 'result.dart';

/// Addresses of the native objects behind one loaded model (0 = none).
/// Plain integers so they can travel between isolates.
class NativeHandles {
  const NativeHandles(this.model, this.lexicon, this.cache);
  final int model;
  final int lexicon;
  final int cache;
}

/// The library version that added lexicons, caches, phoneme sets and
/// result sources (0.2.0).
const int _v02 = 0x000200;

/// The C ABI, called synchronously. One instance per isolate.
class NativeG2p {
  NativeG2p() : b = CharsiuG2pBindings(openPluginLibrary('charsiug2p'));

  final CharsiuG2pBindings b;

  late final int version = b.charsiug2p_version();

  String _string(ffi.Pointer<ffi.Char> p) => p == ffi.nullptr ? '' : p.cast<Utf8>().toDartString();

  /// The exception for a failed call: read charsiug2p_last_error() at once,
  /// on the same thread, before any other charsiug2p call can replace it.
  CharsiuG2pException callError(int code) => CharsiuG2pException.fromCode(
      code, _string(b.charsiug2p_error_name(code)), _string(b.charsiug2p_last_error()));

  CharsiuG2pException _unsupported(String what) => ModelLoadException(
      charsiug2p_error.CHARSIUG2P_ERR_UNSUPPORTED,
      'CHARSIUG2P_ERR_UNSUPPORTED',
      '$what needs charsiug2p 0.2 or later; the loaded library is '
      '${_string(b.charsiug2p_version_string())}');

  /// model_load (+ lexicon_load, cache_create). On failure frees what it made.
  NativeHandles load(String directory, String? lexiconPath, int cacheBytes) {
    if ((lexiconPath != null || cacheBytes > 0) && version < _v02) {
      throw _unsupported(lexiconPath != null ? 'A lexicon' : 'A word cache');
    }
    return using((arena) {
      final model = arena<ffi.Pointer<charsiug2p_model>>();
      final rc = b.charsiug2p_model_load(directory.toNativeUtf8(allocator: arena).cast(), model);
      if (rc != charsiug2p_error.CHARSIUG2P_OK) throw callError(rc);
      final lexicon = arena<ffi.Pointer<charsiug2p_lexicon>>();
      final cache = arena<ffi.Pointer<charsiug2p_cache>>();
      try {
        if (lexiconPath != null) {
          final rc = b.charsiug2p_lexicon_load(lexiconPath.toNativeUtf8(allocator: arena).cast(), lexicon);
          if (rc != charsiug2p_error.CHARSIUG2P_OK) throw callError(rc);
        }
        if (cacheBytes > 0) {
          final rc = b.charsiug2p_cache_create(cacheBytes, cache);
          if (rc != charsiug2p_error.CHARSIUG2P_OK) throw callError(rc);
        }
      } catch (_) {
        if (lexiconPath != null) b.charsiug2p_lexicon_free(lexicon.value);
        b.charsiug2p_model_free(model.value);
        rethrow;
      }
      return NativeHandles(
        model.value.address,
        lexiconPath != null ? lexicon.value.address : 0,
        cacheBytes > 0 ? cache.value.address : 0,
      );
    });
  }

  /// options_init, then phonemize or phonemize_multi, then per word
  /// result_error / result_text + result_length / result_source /
  /// result_message, then result_free. [langs] has one code per word, or
  /// exactly one for all.
  List<G2pWordResult> phonemize(
      NativeHandles h, List<String> words, List<String> langs, G2pOptions o) {
    if (o.phonemeSet != null && version < _v02) throw _unsupported('A phoneme set');
    return using((arena) {
      final opts = arena<charsiug2p_options>();
      var rc = b.charsiug2p_options_init(opts, ffi.sizeOf<charsiug2p_options>());
      if (rc != charsiug2p_error.CHARSIUG2P_OK) throw callError(rc);
      opts.ref
        ..space_after_colon = o.spaceAfterColon ? 1 : 0
        ..max_output_len = o.maxOutputLen
        ..num_threads = o.numThreads
        ..batch_size = o.batchSize
        ..max_input_bytes = o.maxInputBytes;
      if (version >= _v02) {
        opts.ref
          ..phoneme_region = o.region.value
          ..phoneme_set = o.phonemeSet == null
              ? ffi.nullptr
              : o.phonemeSet!.toNativeUtf8(allocator: arena).cast<ffi.Char>()
          ..lexicon = ffi.Pointer<charsiug2p_lexicon>.fromAddress(h.lexicon)
          ..cache = ffi.Pointer<charsiug2p_cache>.fromAddress(h.cache);
      }
      // A C string ends at the first NUL: such a word is sent as "" and its
      // result replaced below, so it fails alone like any other bad word.
      final hasNul = [for (final w in words) w.contains('\u0000')];
      final cWords = arena<ffi.Pointer<ffi.Char>>(words.length);
      for (var i = 0; i < words.length; i++) {
        cWords[i] = (hasNul[i] ? '' : words[i]).toNativeUtf8(allocator: arena).cast();
      }
      final out = arena<ffi.Pointer<charsiug2p_result>>();
      final model = ffi.Pointer<charsiug2p_model>.fromAddress(h.model);
      if (langs.length == 1) {
        rc = b.charsiug2p_phonemize(
            model, cWords, words.length, langs[0].toNativeUtf8(allocator: arena).cast(), opts, out);
      } else {
        final cLangs = arena<ffi.Pointer<ffi.Char>>(langs.length);
        for (var i = 0; i < langs.length; i++) {
          cLangs[i] = langs[i].toNativeUtf8(allocator: arena).cast();
        }
        rc = b.charsiug2p_phonemize_multi(model, cWords, cLangs, words.length, opts, out);
      }
      if (rc != charsiug2p_error.CHARSIUG2P_OK) throw callError(rc);
      final result = out.value;
      try {
        return [
          for (var i = 0; i < b.charsiug2p_result_count(result); i++)
            hasNul[i] ? _nulWord(words[i], i) : _word(result, i, words[i]),
        ];
      } finally {
        b.charsiug2p_result_free(result);
      }
    });
  }

  G2pWordResult _word(ffi.Pointer<charsiug2p_result> result, int i, String word) {
    final code = b.charsiug2p_result_error(result, i);
    if (code != charsiug2p_error.CHARSIUG2P_OK) {
      return G2pWordResult(
          word: word,
          text: null,
          errorCode: code,
          errorName: _string(b.charsiug2p_error_name(code)),
          message: _string(b.charsiug2p_result_message(result, i)),
          source: WordSource.none);
    }
    final text = b.charsiug2p_result_text(result, i);
    final length = b.charsiug2p_result_length(result, i);
    return G2pWordResult(
        word: word,
        // Models can emit any byte: never let a stray one throw here.
        text: utf8.decode(text.cast<ffi.Uint8>().asTypedList(length), allowMalformed: true),
        errorCode: code,
        errorName: 'CHARSIUG2P_OK',
        message: '',
        source: version >= _v02
            ? WordSource.fromValue(b.charsiug2p_result_source(result, i))
            : WordSource.model);
  }

  G2pWordResult _nulWord(String word, int i) => G2pWordResult(
      word: word,
      text: null,
      errorCode: charsiug2p_error.CHARSIUG2P_ERR_INVALID_ARGUMENT,
      errorName: 'CHARSIUG2P_ERR_INVALID_ARGUMENT',
      message: 'word ${i + 1} contains U+0000, which a C string cannot carry',
      source: WordSource.none);

  /// Frees what [load] made: cache, lexicon, model. Used by dispose(); the
  /// NativeFinalizers call the same functions. (Absent objects are skipped,
  /// not passed as NULL: a 0.1 library has no cache/lexicon functions.)
  void free(NativeHandles h) {
    if (h.cache != 0) b.charsiug2p_cache_free(ffi.Pointer<charsiug2p_cache>.fromAddress(h.cache));
    if (h.lexicon != 0) {
      b.charsiug2p_lexicon_free(ffi.Pointer<charsiug2p_lexicon>.fromAddress(h.lexicon));
    }
    b.charsiug2p_model_free(ffi.Pointer<charsiug2p_model>.fromAddress(h.model));
  }

  /// The language codes the checkpoints know, plus "unk".
  List<String> languages() => [
        for (var i = 0; i < b.charsiug2p_language_count(); i++)
          _string(b.charsiug2p_language_code(i)),
      ];

  /// Phoneme set names (empty before library 0.2).
  List<String> phonemeSets() => version < _v02
      ? const []
      : [
          for (var i = 0; i < b.charsiug2p_phoneme_set_count(); i++)
            _string(b.charsiug2p_phoneme_set_name(i)),
        ];
}
