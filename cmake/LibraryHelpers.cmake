# Restricts what a shared library exports to its C API: a version script on
# ELF platforms, an exported-symbols list on Apple.
function(charsiug2p_export_only target map_file apple_list)
  get_target_property(type ${target} TYPE)
  if(NOT type STREQUAL "SHARED_LIBRARY")
    return()
  endif()
  if(APPLE)
    target_link_options(${target} PRIVATE "LINKER:-exported_symbols_list,${apple_list}")
  elseif(UNIX)
    target_link_options(${target} PRIVATE "LINKER:--version-script=${map_file}" "LINKER:--no-undefined")
    set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${map_file})
  endif()
endfunction()
