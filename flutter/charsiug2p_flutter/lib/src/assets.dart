import 'dart:io';
import 'dart:typed_data';

import 'package:flutter/services.dart' show AssetBundle, rootBundle;
import 'package:path_provider/path_provider.dart' show getApplicationSupportDirectory;

/// The asset folder of the model this package ships.
const String defaultModelAsset = 'packages/charsiug2p_flutter/assets/models/default';

/// The files of a checkpoint folder that [copyModelAssets] copies.
const List<String> modelAssetFiles = ['config.json', 'model.safetensors'];

/// Copies [files] from the asset folder [assetDir] into a writable folder
/// and returns it: [target], or `<application support>/charsiug2p/<assetDir>`.
///
/// The native library reads files, but assets live inside the app package
/// (compressed in an APK). A file already there with the same bytes is kept,
/// so only the first launch (or an updated model) writes; each file is
/// written to a temporary name and renamed, so an interrupted copy never
/// leaves a truncated model behind.
Future<Directory> copyModelAssets(String assetDir,
    {List<String> files = modelAssetFiles, Directory? target, AssetBundle? bundle}) async {
  final assets = bundle ?? rootBundle;
  final dir = target ??
      Directory('${(await getApplicationSupportDirectory()).path}/charsiug2p/'
          '${assetDir.replaceAll(RegExp(r'[^A-Za-z0-9._-]'), '_')}');
  await dir.create(recursive: true);
  for (final name in files) {
    final data = await assets.load('$assetDir/$name');
    final bytes = data.buffer.asUint8List(data.offsetInBytes, data.lengthInBytes);
    final file = File('${dir.path}/$name');
    if (await _sameBytes(file, bytes)) continue;
    final partial = File('${file.path}.partial');
    await partial.writeAsBytes(bytes, flush: true);
    await partial.rename(file.path);
  }
  return dir;
}

Future<bool> _sameBytes(File file, Uint8List bytes) async {
  if (!await file.exists() || await file.length() != bytes.length) return false;
  final existing = await file.readAsBytes();
  for (var i = 0; i < bytes.length; i++) {
    if (existing[i] != bytes[i]) return false;
  }
  return true;
}
