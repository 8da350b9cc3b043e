# Script mode, as a third party would work: install the build tree into WORK_DIR/prefix, then
#  1. build a small program against it with find_package(Tiller) and run it;
#  2. scaffold a plugin with the installed tiller-cli, build it against the installed SDK, run
#     its own test, and check the installed tiller-cli loads and starts it.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
set(env ${CMAKE_COMMAND} -E env XDG_CONFIG_HOME=${WORK_DIR}/config XDG_DATA_HOME=${WORK_DIR}/data
        XDG_STATE_HOME=${WORK_DIR}/state TILLER_DB=)
function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "failed: ${ARGN}\n${out}\n${err}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}")

run(${CMAKE_COMMAND} -S "${CONSUMER_SOURCE}" -B "${WORK_DIR}/consumer" -G Ninja
    "-DCMAKE_PREFIX_PATH=${prefix}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/consumer")
run("${WORK_DIR}/consumer/consumer" "sqlite:${WORK_DIR}/consumer.db")
message(STATUS "consumer: ${last_output}")

run(${env} "${prefix}/bin/tiller-cli" plugin new scaffolded --dir "${WORK_DIR}")
run(${CMAKE_COMMAND} -S "${WORK_DIR}/scaffolded" -B "${WORK_DIR}/scaffolded/build" -G Ninja
    "-DCMAKE_PREFIX_PATH=${prefix}")
run(${CMAKE_COMMAND} --build "${WORK_DIR}/scaffolded/build")
run(${CMAKE_CTEST_COMMAND} --test-dir "${WORK_DIR}/scaffolded/build" --output-on-failure)
run(${env} "${prefix}/bin/tiller-cli" --db "sqlite:${WORK_DIR}/tiller.db"
    --plugins-dir "${WORK_DIR}/scaffolded/build/plugins" plugins --json)
string(JSON count LENGTH "${last_output}" plugins)
math(EXPR last "${count} - 1")
set(found "")
foreach(i RANGE ${last})
    string(JSON id GET "${last_output}" plugins ${i} id)
    string(JSON state GET "${last_output}" plugins ${i} state)
    if(id STREQUAL "scaffolded" AND state STREQUAL "started")
        set(found yes)
    endif()
    if(id STREQUAL "hello" AND NOT state STREQUAL "started")
        message(FATAL_ERROR "the installed hello plugin is ${state}:\n${last_output}")
    endif()
endforeach()
if(NOT found)
    message(FATAL_ERROR "the scaffolded plugin did not start:\n${last_output}")
endif()
run(${env} "${prefix}/bin/tiller-cli" --db "sqlite:${WORK_DIR}/tiller.db" --lang zh_CN
    --plugins-dir "${WORK_DIR}/scaffolded/build/plugins" plugins)
message(STATUS "installed tiller-cli sees:\n${last_output}")
