# charsiug2p for iOS: only the G2P archive. The runtime comes from the
# charsiu_runtime_flutter pod this one depends on, so two model plugins never
# link two runtime copies (duplicate chrt_ symbols).
#
# Frameworks/charsiug2p.xcframework is built by ../../tool/build_ios.sh.
# -force_load keeps every object: Dart looks the C functions up at run time.
Pod::Spec.new do |s|
  s.name             = 'charsiug2p_flutter'
  s.version          = '0.1.0'
  s.summary          = 'Offline multilingual grapheme-to-phoneme conversion.'
  s.homepage         = 'https://example.invalid/charsiug2p'
  s.license          = { :type => 'MIT' }
  s.author           = { 'charsiug2p' => 'charsiug2p@example.invalid' }
  s.source           = { :path => '.' }
  s.platform         = :ios, '12.0'
  s.dependency 'charsiu_runtime_flutter'
  s.source_files     = 'Classes/**/*'
  s.public_header_files = 'Classes/**/*.h'
  s.vendored_frameworks = 'Frameworks/charsiug2p.xcframework'
  s.preserve_paths   = 'Frameworks/**/*'
  s.library          = 'c++'
  s.pod_target_xcconfig = {
    'DEFINES_MODULE' => 'YES',
    'OTHER_LDFLAGS[sdk=iphoneos*]' =>
      '-force_load "${PODS_TARGET_SRCROOT}/Frameworks/charsiug2p.xcframework/ios-arm64/libcharsiug2p.a"',
    'OTHER_LDFLAGS[sdk=iphonesimulator*]' =>
      '-force_load "${PODS_TARGET_SRCROOT}/Frameworks/charsiug2p.xcframework/ios-arm64_x86_64-simulator/libcharsiug2p.a"',
  }
  s.swift_version = '5.0'
end
