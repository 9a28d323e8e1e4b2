# The chrt runtime for iOS, linked ONCE per app: model plugins depend on this
# pod and ship only their own archives (see ../../charsiug2p_flutter/ios).
#
# Frameworks/charsiu_runtime.xcframework is built by
# ../../tool/build_ios.sh (static libraries for arm64 devices and arm64 +
# x86_64 simulators). -force_load keeps every object: Dart looks symbols up
# at run time, so the linker sees no reference that would pull them in.
Pod::Spec.new do |s|
  s.name             = 'charsiu_runtime_flutter'
  s.version          = '0.1.0'
  s.summary          = 'The chrt runtime shared by on-device model plugins.'
  s.homepage         = 'https://example.invalid/charsiug2p'
  s.license          = { :type => 'MIT' }
  s.author           = { 'charsiug2p' => 'charsiug2p@example.invalid' }
  s.source           = { :path => '.' }
  s.platform         = :ios, '12.0'
  s.source_files     = 'Classes/**/*'
  s.public_header_files = 'Classes/**/*.h'
  s.vendored_frameworks = 'Frameworks/charsiu_runtime.xcframework'
  s.preserve_paths   = 'Frameworks/**/*'
  s.library          = 'c++'
  s.pod_target_xcconfig = {
    'DEFINES_MODULE' => 'YES',
    'OTHER_LDFLAGS[sdk=iphoneos*]' =>
      '-force_load "${PODS_TARGET_SRCROOT}/Frameworks/charsiu_runtime.xcframework/ios-arm64/libcharsiu_runtime.a"',
    'OTHER_LDFLAGS[sdk=iphonesimulator*]' =>
      '-force_load "${PODS_TARGET_SRCROOT}/Frameworks/charsiu_runtime.xcframework/ios-arm64_x86_64-simulator/libcharsiu_runtime.a"',
  }
  s.swift_version = '5.0'
end
