# Script mode: writes OUTPUT, a C++ file whose FUNCTION returns the migrations in FILES.
# A file name must be NNN_name.sql; the number orders the migrations of one owner.
string(REGEX MATCH "^(.*)::([A-Za-z_0-9]+)$" _m "${FUNCTION}")
set(_ns "${CMAKE_MATCH_1}")
set(_fn "${CMAKE_MATCH_2}")
set(_body "")
foreach(_f IN LISTS FILES)
    get_filename_component(_name "${_f}" NAME_WE)
    if(NOT _name MATCHES "^([0-9]+)_([A-Za-z0-9_]+)$")
        message(FATAL_ERROR "${_f}: a migration file must be named NNN_name.sql")
    endif()
    math(EXPR _num "${CMAKE_MATCH_1}")
    set(_label "${CMAKE_MATCH_2}")
    file(READ "${_f}" _sql)
    string(APPEND _body "        {\"${OWNER}\", ${_num}, \"${_label}\", R\"tiller_sql(${_sql})tiller_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from the .sql files of ${OWNER}; edit those, not this.
#include <tiller/migrations/migration.hpp>

namespace ${_ns} {
std::vector<tiller::migrations::Migration> ${_fn}() {
    return {
${_body}    };
}
}  // namespace ${_ns}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
