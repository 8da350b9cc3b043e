# tiller_add_plugin(<id> SOURCES <files...> [UI] [MIGRATIONS <dir>] [LOCALE <dir>]
#                   [MANIFEST <file>] [OUTPUT_DIR <dir>] [NO_INSTALL])
#
# Builds the plugin <id> as a loadable module and lays out its folder the way Tiller reads it:
#   <OUTPUT_DIR>/plugin.yaml, lib<target>.so, locale/<lang>/LC_MESSAGES/tiller-<id>.mo
# OUTPUT_DIR defaults to ${CMAKE_BINARY_DIR}/plugins/<id>. UI links Tiller::ui (wxWidgets).
# MIGRATIONS embeds <dir>/NNN_name.sql as the function <id>::migrations().
function(tiller_add_plugin id)
    cmake_parse_arguments(ARG "UI;NO_INSTALL" "MIGRATIONS;LOCALE;MANIFEST;OUTPUT_DIR" "SOURCES" ${ARGN})
    include(GNUInstallDirs)
    set(target tiller_${id})
    if(NOT ARG_OUTPUT_DIR)
        set(ARG_OUTPUT_DIR "${CMAKE_BINARY_DIR}/plugins/${id}")
    endif()
    if(NOT ARG_MANIFEST)
        set(ARG_MANIFEST "${CMAKE_CURRENT_SOURCE_DIR}/plugin.yaml")
    endif()
    add_library(${target} MODULE ${ARG_SOURCES})
    # Installed in <libdir>/tiller/plugins/<id>/, beside nothing: find Tiller's libraries three
    # folders up.
    set_target_properties(${target} PROPERTIES PREFIX "lib" LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIR}"
                          INSTALL_RPATH "$ORIGIN/../../..")
    target_link_libraries(${target} PRIVATE Tiller::core)
    if(ARG_UI)
        target_link_libraries(${target} PRIVATE Tiller::ui)
    endif()
    if(ARG_MIGRATIONS)
        tiller_embed_migrations(TARGET ${target} OWNER ${id} FUNCTION ${id}::migrations
                                DIR "${ARG_MIGRATIONS}")
    endif()
    configure_file("${ARG_MANIFEST}" "${ARG_OUTPUT_DIR}/plugin.yaml" COPYONLY)
    # Declarative files the manifest names (entities/, forms/, lists/, flows/) travel with the plugin.
    get_filename_component(_source "${ARG_MANIFEST}" DIRECTORY)
    foreach(_kind entities forms lists flows)
        file(GLOB _files CONFIGURE_DEPENDS "${_source}/${_kind}/*.yaml")
        foreach(_file IN LISTS _files)
            get_filename_component(_name "${_file}" NAME)
            configure_file("${_file}" "${ARG_OUTPUT_DIR}/${_kind}/${_name}" COPYONLY)
            if(NOT ARG_NO_INSTALL)
                install(FILES "${_file}" DESTINATION "${CMAKE_INSTALL_LIBDIR}/tiller/plugins/${id}/${_kind}")
            endif()
        endforeach()
    endforeach()

    set(_catalogs "")
    if(ARG_LOCALE)
        find_program(TILLER_MSGFMT msgfmt REQUIRED)
        file(GLOB _po CONFIGURE_DEPENDS "${ARG_LOCALE}/*.po")
        foreach(_file IN LISTS _po)
            get_filename_component(_lang "${_file}" NAME_WE)
            set(_dir "${ARG_OUTPUT_DIR}/locale/${_lang}/LC_MESSAGES")
            add_custom_command(OUTPUT "${_dir}/tiller-${id}.mo"
                COMMAND "${CMAKE_COMMAND}" -E make_directory "${_dir}"
                COMMAND "${TILLER_MSGFMT}" --check -o "${_dir}/tiller-${id}.mo" "${_file}"
                DEPENDS "${_file}" VERBATIM)
            list(APPEND _catalogs "${_dir}/tiller-${id}.mo")
        endforeach()
        add_custom_target(${target}_catalogs ALL DEPENDS ${_catalogs})
        add_dependencies(${target} ${target}_catalogs)
    endif()

    if(NOT ARG_NO_INSTALL)
        set(_dest "${CMAKE_INSTALL_LIBDIR}/tiller/plugins/${id}")
        install(TARGETS ${target} LIBRARY DESTINATION "${_dest}")
        install(FILES "${ARG_OUTPUT_DIR}/plugin.yaml" DESTINATION "${_dest}")
        if(ARG_LOCALE)
            install(DIRECTORY "${ARG_OUTPUT_DIR}/locale" DESTINATION "${_dest}")
        endif()
    endif()
endfunction()
