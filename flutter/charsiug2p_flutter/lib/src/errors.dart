import 'charsiug2p_bindings.g.dart';

/// A failed charsiug2p call or word: the numbered [code] of the C ABI
/// (`charsiug2p_error`), its [name] (`CHARSIUG2P_ERR_IO`) and the library's
/// detail [message] (which names the file, word or option at fault).
///
/// Subclasses group the codes an app handles differently; [CharsiuG2pException.fromCode]
/// picks the class, so `on ModelLoadException` catches every loading problem.
class CharsiuG2pException implements Exception {
  const CharsiuG2pException(this.code, this.name, this.message);

  /// The exception class for [code].
  factory CharsiuG2pException.fromCode(int code, String name, String message) {
    switch (code) {
      case charsiug2p_error.CHARSIUG2P_ERR_IO:
      case charsiug2p_error.CHARSIUG2P_ERR_MODEL_FORMAT:
      case charsiug2p_error.CHARSIUG2P_ERR_UNSUPPORTED:
      case charsiug2p_error.CHARSIUG2P_ERR_RUNTIME_VERSION:
      case charsiug2p_error.CHARSIUG2P_ERR_LEXICON_FORMAT:
        return ModelLoadException(code, name, message);
      case charsiug2p_error.CHARSIUG2P_ERR_INVALID_ARGUMENT:
        return G2pArgumentException(code, name, message);
      case charsiug2p_error.CHARSIUG2P_ERR_INVALID_UTF8:
      case charsiug2p_error.CHARSIUG2P_ERR_EMPTY_WORD:
      case charsiug2p_error.CHARSIUG2P_ERR_WORD_TOO_LONG:
      case charsiug2p_error.CHARSIUG2P_ERR_UNKNOWN_LANGUAGE:
        return WordException(code, name, message);
      default:
        return CharsiuG2pException(code, name, message);
    }
  }

  final int code;
  final String name;
  final String message;

  @override
  String toString() => '$runtimeType($name): $message';
}

/// Model, lexicon or runtime files missing, unreadable, malformed or
/// incompatible (`CHARSIUG2P_ERR_IO`, `_MODEL_FORMAT`, `_UNSUPPORTED`,
/// `_RUNTIME_VERSION`, `_LEXICON_FORMAT`).
class ModelLoadException extends CharsiuG2pException {
  const ModelLoadException(super.code, super.name, super.message);
}

/// A bad option value or argument (`CHARSIUG2P_ERR_INVALID_ARGUMENT`).
class G2pArgumentException extends CharsiuG2pException {
  const G2pArgumentException(super.code, super.name, super.message);
}

/// One word that could not be phonemized (invalid text, empty, too long,
/// unknown language). Only thrown by [G2pWordResult.textOrThrow]: a batch
/// reports such words in its results and still answers the others.
class WordException extends CharsiuG2pException {
  const WordException(super.code, super.name, super.message);
}
