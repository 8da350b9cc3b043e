# find_package(Tiller) for plugins built outside this tree.
include(CMakePackageConfigHelpers)
set(TILLER_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Tiller)
install(EXPORT TillerTargets NAMESPACE Tiller:: DESTINATION ${TILLER_CMAKE_DIR})
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/TillerConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/TillerConfig.cmake" INSTALL_DESTINATION ${TILLER_CMAKE_DIR})
write_basic_package_version_file("${PROJECT_BINARY_DIR}/TillerConfigVersion.cmake"
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES
    "${PROJECT_BINARY_DIR}/TillerConfig.cmake"
    "${PROJECT_BINARY_DIR}/TillerConfigVersion.cmake"
    "${PROJECT_SOURCE_DIR}/cmake/FindSOCI.cmake"
    "${PROJECT_SOURCE_DIR}/cmake/TillerEmbed.cmake"
    "${PROJECT_SOURCE_DIR}/cmake/TillerEmbedMigrations.cmake"
    "${PROJECT_SOURCE_DIR}/cmake/TillerEmbedFiles.cmake"
    "${PROJECT_SOURCE_DIR}/cmake/TillerPlugin.cmake"
    DESTINATION ${TILLER_CMAKE_DIR})
