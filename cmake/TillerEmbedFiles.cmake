# Script mode: writes OUTPUT, a C++ file whose FUNCTION returns (relative path, content) for
# every file in FILES below BASE.
string(REGEX MATCH "^(.*)::([A-Za-z_0-9]+)$" _m "${FUNCTION}")
set(_ns "${CMAKE_MATCH_1}")
set(_fn "${CMAKE_MATCH_2}")
set(_body "")
foreach(_f IN LISTS FILES)
    file(RELATIVE_PATH _rel "${BASE}" "${_f}")
    file(READ "${_f}" _text)
    string(APPEND _body "        {\"${_rel}\", R\"tiller_file(${_text})tiller_file\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from ${BASE}; edit those files, not this.
#include <string>
#include <utility>
#include <vector>

namespace ${_ns} {
std::vector<std::pair<std::string, std::string>> ${_fn}() {
    return {
${_body}    };
}
}  // namespace ${_ns}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
