/// Offline multilingual grapheme-to-phoneme conversion for Flutter.
///
/// ```dart
/// final g2p = await CharsiuG2p.loadAsset();          // the bundled model
/// final results = await g2p.phonemize(['hello', 'world'], 'eng-us');
/// for (final r in results) {
///   print(r.ok ? '${r.word} ${r.text}' : '${r.word}: ${r.errorName} ${r.message}');
/// }
/// await g2p.dispose();
/// ```
library charsiug2p_flutter;

export 'src/assets.dart' show copyModelAssets, defaultModelAsset, modelAssetFiles;
export 'src/charsiug2p.dart' show CharsiuG2p;
export 'src/errors.dart'
    show CharsiuG2pException, G2pArgumentException, ModelLoadException, WordException;
export 'src/options.dart' show G2pOptions, PhonemeRegion, WordSource;
export 'src/result.dart' show G2pWordResult;
