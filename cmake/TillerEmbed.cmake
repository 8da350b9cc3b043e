# tiller_embed_migrations(TARGET <target> OWNER <owner> FUNCTION <qualified-name> DIR <dir>)
#
# Compiles every <dir>/NNN_name.sql into <target> as a function returning
# std::vector<tiller::migrations::Migration>, so a program never depends on finding SQL files
# at run time and a migration's text is exactly what was reviewed.
set(_TILLER_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/TillerEmbedMigrations.cmake")

function(tiller_embed_migrations)
    cmake_parse_arguments(ARG "" "TARGET;OWNER;FUNCTION;DIR" "" ${ARGN})
    file(GLOB _sql CONFIGURE_DEPENDS "${ARG_DIR}/*.sql")
    list(SORT _sql)
    string(MAKE_C_IDENTIFIER "${ARG_OWNER}" _id)
    set(_out "${CMAKE_CURRENT_BINARY_DIR}/${_id}_migrations.cpp")
    add_custom_command(
        OUTPUT "${_out}"
        COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${_out}" "-DOWNER=${ARG_OWNER}"
                "-DFUNCTION=${ARG_FUNCTION}" "-DFILES=${_sql}" -P "${_TILLER_EMBED_SCRIPT}"
        DEPENDS ${_sql} "${_TILLER_EMBED_SCRIPT}"
        COMMENT "Embedding ${ARG_OWNER} migrations"
        VERBATIM)
    target_sources(${ARG_TARGET} PRIVATE "${_out}")
endfunction()

# tiller_embed_files(TARGET <target> FUNCTION <qualified-name> BASE <dir>)
#
# Compiles every file below <dir> into <target> as a function returning
# std::vector<std::pair<std::string, std::string>> of (path relative to <dir>, content).
set(_TILLER_EMBED_FILES_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/TillerEmbedFiles.cmake")

function(tiller_embed_files)
    cmake_parse_arguments(ARG "" "TARGET;FUNCTION;BASE" "" ${ARGN})
    file(GLOB_RECURSE _files CONFIGURE_DEPENDS "${ARG_BASE}/*")
    list(SORT _files)
    string(MAKE_C_IDENTIFIER "${ARG_FUNCTION}" _id)
    set(_out "${CMAKE_CURRENT_BINARY_DIR}/${_id}_files.cpp")
    add_custom_command(
        OUTPUT "${_out}"
        COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${_out}" "-DFUNCTION=${ARG_FUNCTION}"
                "-DBASE=${ARG_BASE}" "-DFILES=${_files}" -P "${_TILLER_EMBED_FILES_SCRIPT}"
        DEPENDS ${_files} "${_TILLER_EMBED_FILES_SCRIPT}"
        COMMENT "Embedding files of ${ARG_BASE}"
        VERBATIM)
    target_sources(${ARG_TARGET} PRIVATE "${_out}")
endfunction()
