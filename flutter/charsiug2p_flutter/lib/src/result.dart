import 'errors.dart';
import 'options.dart';

/// One word's answer: a pronunciation, or its own error. A batch always has
/// one result per input word, in input order.
class G2pWordResult {
  const G2pWordResult({
    required this.word,
    required this.text,
    required this.errorCode,
    required this.errorName,
    required this.message,
    required this.source,
  });

  /// The word as given.
  final String word;

  /// The pronunciation (possibly empty), or null when the word failed.
  final String? text;

  /// 0 (`CHARSIUG2P_OK`) or a per-word `charsiug2p_error` code.
  final int errorCode;

  /// `CHARSIUG2P_OK` or the error's name (`CHARSIUG2P_ERR_UNKNOWN_LANGUAGE`).
  final String errorName;

  /// "" on success, else what was wrong with this word.
  final String message;

  /// Model, lexicon or cache; [WordSource.none] when the word failed.
  final WordSource source;

  bool get ok => errorCode == 0;

  /// [text], or throws this word's [WordException].
  String textOrThrow() {
    final t = text;
    if (ok && t != null) return t;
    throw CharsiuG2pException.fromCode(errorCode, errorName, message);
  }

  @override
  String toString() => ok ? '$word\t$text' : '$word\t<$errorName: $message>';
}
